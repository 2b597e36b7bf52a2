package io.wellbase.platform.internal.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What the document says about one handler that the scanner cannot know: a readable operation id
 * from the controller and method ({@code clientsCreate}, {@code sessionsBook}), a tag when the
 * controller has none, and the success statuses a {@code ResponseEntity} handler really answers
 * (201 with {@code Location}, 202, 204) instead of the 200 its declared type suggests.
 */
class OperationDetails implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> controller = ClassUtils.getUserClass(handler.getBeanType());
        operation.setOperationId(operationId(controller, handler.getMethod()));
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.setTags(new ArrayList<>(List.of(tag(controller))));
        }
        if (!declaresSuccess(handler.getMethod())) {
            successStatuses(operation.getResponses(), SuccessStatuses.of(handler.getMethod()));
        }
        return operation;
    }

    /** The resource then the method; the method alone when it already names the resource ({@code upload}, {@code export}). */
    static String operationId(Class<?> controller, Method method) {
        String resource = StringUtils.uncapitalize(resource(controller));
        String singular = resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
        String name = method.getName();
        if (name.toLowerCase().contains(singular.toLowerCase())) {
            return name;
        }
        return resource + StringUtils.capitalize(name);
    }

    private static String resource(Class<?> controller) {
        String name = controller.getSimpleName();
        return name.endsWith("Controller") ? name.substring(0, name.length() - "Controller".length()) : name;
    }

    private static String tag(Class<?> controller) {
        String words = resource(controller).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return StringUtils.capitalize(words);
    }

    private static boolean declaresSuccess(Method method) {
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(method,
                io.swagger.v3.oas.annotations.responses.ApiResponse.class).stream()
                .anyMatch(r -> r.responseCode().startsWith("2"));
    }

    private static void successStatuses(ApiResponses responses, SuccessStatuses.Answer answer) {
        Set<Integer> statuses = answer.statuses();
        if (responses == null || statuses.isEmpty() || statuses.equals(Set.of(200))) {
            return;
        }
        ApiResponse template = responses.remove("200");
        for (int status : statuses) {
            ApiResponse response = new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase());
            if (template != null && status != 204) {
                response.setContent(template.getContent());
            }
            if (answer.location() && (status == 201 || status == 202)) {
                response.addHeaderObject("Location", new Header()
                        .description(status == 201 ? "The URL of the created resource" : "The URL to poll the job at")
                        .schema(new Schema<String>().type("string").types(Set.of("string")).format("uri-reference")));
            }
            responses.addApiResponse(String.valueOf(status), response);
        }
    }
}
