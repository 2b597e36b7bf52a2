package io.wellbase.platform.internal.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.util.StringUtils;

/**
 * Completes the document once every operation is in: the {@code Problem} schema and the problem
 * responses each operation can answer, no bearer requirement on what the security chain lets
 * anonymous callers reach, unique operation ids where one handler serves two paths, and request
 * examples for the first calls a client makes.
 */
class DocumentDetails implements OpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "openapi", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final WebInvocationPrivilegeEvaluator privileges;

    DocumentDetails(WebInvocationPrivilegeEvaluator privileges) {
        this.privileges = privileges;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = ModelConverters.getInstance(true).readAll(new AnnotatedType(Problem.class));
        schemas.forEach(openApi.getComponents()::addSchemas);
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    boolean anonymous = privileges.isAllowed("", path, method.name(), ANONYMOUS);
                    if (anonymous) {
                        operation.setSecurity(new ArrayList<>());
                    }
                    problems(path, method, operation, anonymous);
                }));
        // Shorter paths first, so of one handler's two paths the main one keeps the plain id.
        Set<String> ids = new HashSet<>();
        openApi.getPaths().entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, PathItem> e) -> e.getKey().split("/").length)
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> e.getValue().readOperations().forEach(operation -> {
                    unique(e.getKey(), operation, ids);
                    RequestExamples.apply(operation);
                }));
    }

    private static void problems(String path, PathItem.HttpMethod method, Operation operation, boolean anonymous) {
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean body = operation.getRequestBody() != null;
        boolean multipart = body
                && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("multipart/form-data");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<Integer, String> answers = new TreeMap<>();
        if (input) {
            answers.put(
                    400,
                    "Invalid input: malformed JSON, a wrong type or format, or failed validation"
                            + " (`validation_failed` lists the fields in `errors`)");
        }
        if (!anonymous) {
            answers.put(401, "No, an expired or an invalid bearer token");
            answers.put(403, "The caller lacks the permission, or the organization scope, for this");
        }
        if (path.contains("{")) {
            answers.put(404, "Not found, or not in the caller's organization");
        }
        if (WRITES.contains(method)) {
            answers.put(409, "Conflicts with the current state: taken, full, or changed in the meantime");
            answers.put(422, "Well-formed but against a business rule");
        }
        if (multipart) {
            answers.put(413, "The upload is too large");
        }
        if (body) {
            answers.put(415, "The request body has an unsupported content type");
        }
        answers.put(429, "Rate limited; retry after the seconds in `Retry-After`");
        responses.keySet().stream()
                .filter(code -> code.startsWith("4") || code.startsWith("5"))
                .forEach(code -> answers.putIfAbsent(
                        Integer.valueOf(code), responses.get(code).getDescription()));
        answers.forEach((status, description) -> {
            String code = String.valueOf(status);
            ApiResponse response = responses.get(code);
            if (response == null) {
                response = new ApiResponse().description(description);
                responses.addApiResponse(code, response);
            }
            response.setContent(
                    new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            if (status == 429) {
                response.addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("Seconds to wait")
                                .schema(new Schema<Integer>().type("integer").types(Set.of("integer"))));
            }
        });
        operation.setResponses(responses);
    }

    /** A second path of the same handler gets the path's own words appended ({@code reportsGetStatus}). */
    private static void unique(String path, Operation operation, Set<String> ids) {
        String id = operation.getOperationId();
        if (ids.add(id)) {
            return;
        }
        StringBuilder suffix = new StringBuilder();
        Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty()
                        && !s.contains("{")
                        && !s.equals("api")
                        && !s.equals("v1")
                        && !id.toLowerCase().contains(s.replace("-", "").toLowerCase()))
                .forEach(s -> Arrays.stream(s.split("-")).forEach(w -> suffix.append(StringUtils.capitalize(w))));
        String candidate = id + suffix;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + suffix + n;
        }
        operation.setOperationId(candidate);
    }
}
