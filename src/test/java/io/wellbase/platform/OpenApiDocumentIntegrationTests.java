package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document is what clients are generated from, so it must say what the handlers do:
 * unique readable operation ids, a tag each, the problem responses, concrete media types, the
 * real success status, and schemas shaped like the records the handlers read and write.
 */
class OpenApiDocumentIntegrationTests extends IntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern NUMBERED = Pattern.compile(".*_\\d+$");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private JsonNode document;
    private final Map<String, Class<?>> schemaTypes = new HashMap<>();

    @BeforeEach
    void fetchDocument() throws IOException {
        Api.Response response = api.get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        // Left in target/ for reading, and for generating a client from the build (docs/api.md).
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), response.text());
        document = response.json();
    }

    private record Op(String path, String method, JsonNode node) {

        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Op(path.getKey(), op.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    /** Where the TypeScript SDK is generated from (sdk/typescript, {@code npm run generate}). */
    static final Path SDK_DOCUMENT = Path.of("sdk/typescript/openapi.json");

    /**
     * The SDK's committed copy of the document is this document (keys sorted, the test server's address left
     * out): a change to the API that is not carried into the SDK fails here, and {@code npm run check} fails when
     * the SDK's types were not generated again from the copy. To carry a change over, run
     * {@code ./mvnw -B verify -Dtest=OpenApiDocumentIntegrationTests -Dwellbase.docs.update=true}, then
     * {@code npm run generate} in sdk/typescript, and commit both.
     */
    @Test
    void theSdksCopyOfTheDocumentIsCurrent() throws IOException {
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        copy.remove("servers");
        JsonMapper mapper = JsonMapper.builder().build();
        String canonical = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(mapper, copy)) + "\n";
        if (Boolean.getBoolean("wellbase.docs.update")) {
            Files.writeString(SDK_DOCUMENT, canonical);
        }
        assertThat(Files.exists(SDK_DOCUMENT)).as(SDK_DOCUMENT + " is missing").isTrue();
        assertThat(Files.readString(SDK_DOCUMENT))
                .as("the API changed: regenerate " + SDK_DOCUMENT
                        + " with -Dwellbase.docs.update=true, then `npm run generate` in sdk/typescript")
                .isEqualTo(canonical);
    }

    private static Object sorted(JsonMapper mapper, JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(mapper, e.getValue())));
            return fields;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.values().forEach(v -> items.add(sorted(mapper, v)));
            return items;
        }
        return mapper.convertValue(node, Object.class);
    }

    @Test
    void operationIdsAreUniqueAndReadable() {
        Map<String, List<String>> byId = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Op op : operations()) {
            String id = op.node().path("operationId").asString("");
            if (id.isEmpty() || NUMBERED.matcher(id).matches()) {
                problems.add(op.name() + " has operationId '" + id + "'");
            }
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(op.name());
        }
        byId.forEach((id, ops) -> {
            if (ops.size() > 1) {
                problems.add("operationId '" + id + "' is used by " + ops);
            }
        });
        assertThat(operations()).hasSizeGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationHasATag() {
        assertThat(operations().stream()
                        .filter(op -> op.node().path("tags").isEmpty())
                        .map(Op::name)
                        .toList())
                .isEmpty();
    }

    @Test
    void everyOperationDocumentsItsProblemResponses() {
        List<String> problems = new ArrayList<>();
        for (Op op : operations()) {
            JsonNode responses = op.node().path("responses");
            if (!responses.has("429")) {
                problems.add(op.name() + " has no 429");
            }
            if (!op.path().startsWith("/api/v1/auth/") && !op.node().has("security") && !responses.has("401")) {
                problems.add(op.name() + " is authenticated but has no 401");
            }
            if (op.path().contains("{") && !responses.has("404")) {
                problems.add(op.name() + " has path variables but no 404");
            }
            if ((op.node().has("requestBody") || op.node().has("parameters")) && !responses.has("400")) {
                problems.add(op.name() + " takes input but has no 400");
            }
            for (Map.Entry<String, JsonNode> response : responses.properties()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode content = response.getValue().path("content");
                    if (!content.path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asString("")
                                    .equals("#/components/schemas/Problem")
                            || content.size() != 1) {
                        problems.add(op.name() + " " + response.getKey() + " is not a Problem: " + content);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        JsonNode problem =
                document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(names(problem)).contains("type", "title", "status", "code", "detail", "errors", "requestId");
        assertThat(names(document.path("components")
                        .path("schemas")
                        .path("FieldError")
                        .path("properties")))
                .containsExactlyInAnyOrder("field", "message");
    }

    @Test
    void mediaTypesAreConcrete() {
        List<String> wildcards = new ArrayList<>();
        collectWildcards(document, "", wildcards);
        assertThat(wildcards).isEmpty();
    }

    @Test
    void noPhantomParameters() {
        List<String> phantoms = new ArrayList<>();
        for (Op op : operations()) {
            for (JsonNode parameter : op.node().path("parameters")) {
                JsonNode schema = resolve(parameter.path("schema"));
                if (parameter.path("in").asString("").equals("query")
                        && (schema.path("type").asString("").equals("object")
                                || schema.has("properties")
                                || schema.has("additionalProperties"))) {
                    phantoms.add(op.name() + " " + parameter.path("name").asString());
                }
            }
        }
        assertThat(phantoms).isEmpty();
    }

    @Test
    void downloadsDeclareTheirMediaTypes() {
        assertThat(names(response("/api/v1/audit-logs/export", "get", "200"))).containsExactly("text/csv");
        assertThat(names(response("/calendar/{token}.ics", "get", "200"))).containsExactly("text/calendar");
        assertThat(names(response("/api/v1/imports/{id}/errors", "get", "200")))
                .containsExactlyInAnyOrder("application/json", "text/csv");
        assertThat(names(response("/api/v1/exports", "get", "200")))
                .containsExactlyInAnyOrder("application/json", "text/csv");
        assertThat(names(response("/api/v1/clients", "post", "201"))).containsExactly("application/json");
        assertThat(document.path("paths")
                        .path("/api/v1/clients")
                        .path("post")
                        .path("responses")
                        .path("201")
                        .path("headers")
                        .has("Location"))
                .isTrue();
    }

    private JsonNode response(String path, String method, String status) {
        return document.path("paths")
                .path(path)
                .path(method)
                .path("responses")
                .path(status)
                .path("content");
    }

    private static void collectWildcards(JsonNode node, String where, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                if (child.getKey().contains("*/*") || child.getKey().equals("*")) {
                    found.add(where + "/" + child.getKey());
                }
                collectWildcards(child.getValue(), where + "/" + child.getKey(), found);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectWildcards(child, where, found));
        }
    }

    @Test
    void successStatusesAreTheOnesTheHandlersAnswer() {
        List<String> problems = new ArrayList<>();
        forEachHandler((op, handler, mapping) -> {
            Set<String> documented = new TreeSet<>();
            op.node().path("responses").propertyNames().stream()
                    .filter(code -> code.startsWith("2"))
                    .forEach(documented::add);
            Set<String> answered = new TreeSet<>();
            answeredStatuses(handler).forEach(status -> answered.add(String.valueOf(status)));
            if (!documented.equals(answered)) {
                problems.add(op.name() + " documents " + documented + " but answers " + answered);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void schemasHaveTheRecordsComponents() {
        List<String> problems = new ArrayList<>();
        forEachHandler((op, handler, mapping) -> {
            Set<String> consumes = new HashSet<>();
            mapping.getConsumesCondition().getConsumableMediaTypes().forEach(m -> consumes.add(m.toString()));
            Set<String> visited = new HashSet<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    JsonNode content = op.node().path("requestBody").path("content");
                    for (Map.Entry<String, JsonNode> media : content.properties()) {
                        if (consumes.isEmpty() || consumes.contains(media.getKey())) {
                            compare(
                                    ResolvableType.forMethodParameter(parameter),
                                    media.getValue().path("schema"),
                                    op.name() + " request",
                                    visited,
                                    problems);
                        }
                    }
                }
            }
            ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod(), handler.getBeanType());
            if (ResponseEntity.class.isAssignableFrom(returned.toClass())) {
                returned = returned.getGeneric(0);
            }
            // A handler that takes the response writes its 200 body itself (CSV, streamed rows).
            boolean writesOwnBody =
                    Arrays.asList(handler.getMethod().getParameterTypes()).contains(HttpServletResponse.class);
            for (Map.Entry<String, JsonNode> response :
                    op.node().path("responses").properties()) {
                if (response.getKey().startsWith("2")
                        && !(writesOwnBody && response.getKey().equals("200"))) {
                    JsonNode json = response.getValue().path("content").path("application/json");
                    if (!json.isMissingNode()) {
                        compare(returned, json.path("schema"), op.name() + " " + response.getKey(), visited, problems);
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    private void compare(
            ResolvableType type, JsonNode schema, String where, Set<String> visited, List<String> problems) {
        JsonNode resolved = resolve(schema);
        Class<?> raw = type.toClass();
        if (raw.isRecord()) {
            String ref = refOf(schema);
            if (ref != null) {
                Class<?> earlier = schemaTypes.putIfAbsent(ref, raw);
                if (earlier != null && earlier != raw) {
                    problems.add(where + ": " + raw.getName() + " and " + earlier.getName() + " share schema " + ref);
                    return;
                }
            }
            String key = type + "=" + schema;
            if (!visited.add(key)) {
                return;
            }
            Set<String> components = new TreeSet<>();
            Map<String, RecordComponent> byName = new HashMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
                components.add(name);
                byName.put(name, component);
            }
            Set<String> properties = new TreeSet<>(names(resolved.path("properties")));
            if (!components.equals(properties)) {
                problems.add(where + ": schema " + schema + " has " + properties + " but " + raw.getName() + " has "
                        + components);
                return;
            }
            byName.forEach((name, component) -> {
                ResolvableType componentType = ResolvableType.forMethodReturnType(component.getAccessor(), raw);
                if (type.hasGenerics()) {
                    componentType = ResolvableType.forField(fieldOf(raw, component.getName()), type);
                }
                compare(componentType, resolved.path("properties").path(name), where + "." + name, visited, problems);
            });
        } else if (Collection.class.isAssignableFrom(raw)) {
            compare(type.asCollection().getGeneric(0), resolved.path("items"), where + "[]", visited, problems);
        } else if (raw.isArray() && raw != byte[].class) {
            compare(type.getComponentType(), resolved.path("items"), where + "[]", visited, problems);
        }
    }

    private static java.lang.reflect.Field fieldOf(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String refOf(JsonNode schema) {
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode option : schema.path(combinator)) {
                if (option.has("$ref")) {
                    return option.path("$ref").asString();
                }
            }
        }
        return schema.has("$ref") ? schema.path("$ref").asString() : null;
    }

    /** Follows a $ref, also when it is wrapped in a single-element allOf/oneOf/anyOf (nullable in 3.1). */
    private JsonNode resolve(JsonNode schema) {
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                for (JsonNode option : schema.path(combinator)) {
                    if (option.has("$ref")) {
                        return resolve(option);
                    }
                }
            }
        }
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private interface HandlerCheck {
        void accept(Op op, HandlerMethod handler, RequestMappingInfo mapping);
    }

    private void forEachHandler(HandlerCheck check) {
        Map<String, Op> byName = new HashMap<>();
        operations().forEach(op -> byName.put(op.name(), op));
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                handlerMapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("io.wellbase")
                    || handler.getBeanType().getSimpleName().equals("ProblemErrorController")
                    || handler.getBeanType().getSimpleName().equals("BareEndpointController")) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    Op op = byName.get(method.name() + " " + pattern);
                    if (op == null) {
                        undocumented.add(method + " " + pattern);
                    } else {
                        check.accept(op, handler, entry.getKey());
                        checked++;
                    }
                }
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    /**
     * What a handler answers on success, from its code: {@code @ResponseStatus}, else the
     * {@code ResponseEntity} factories (and {@code HttpStatus} constants) its bytecode uses, else 200.
     */
    private static Set<Integer> answeredStatuses(HandlerMethod handler) {
        ResponseStatus annotated =
                AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
        if (annotated != null) {
            return Set.of(annotated.code().value());
        }
        if (!ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
            return Set.of(200);
        }
        Method method = handler.getMethod();
        Set<Integer> statuses = new HashSet<>();
        String owner = Type.getInternalName(method.getDeclaringClass());
        Set<String> scanned = new HashSet<>();
        List<String> toScan = new ArrayList<>(List.of(method.getName() + Type.getMethodDescriptor(method)));
        try (InputStream bytes = method.getDeclaringClass().getClassLoader().getResourceAsStream(owner + ".class")) {
            ClassReader reader = new ClassReader(bytes);
            while (!toScan.isEmpty()) {
                String next = toScan.removeLast();
                if (scanned.add(next)) {
                    reader.accept(
                            new ClassVisitor(Opcodes.ASM9) {
                                @Override
                                public MethodVisitor visitMethod(
                                        int access, String name, String desc, String signature, String[] exceptions) {
                                    return (name + desc).equals(next)
                                            ? new StatusCollector(owner, statuses, toScan)
                                            : null;
                                }
                            },
                            ClassReader.SKIP_DEBUG);
                }
            }
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        if (Arrays.asList(method.getParameterTypes()).contains(HttpServletResponse.class)) {
            statuses.add(200);
        }
        return statuses;
    }

    private static final class StatusCollector extends MethodVisitor {

        private static final Map<String, Integer> FACTORIES =
                Map.of("ok", 200, "created", 201, "accepted", 202, "noContent", 204);

        private final String owner;
        private final Set<Integer> statuses;
        private final List<String> calls;
        private Integer lastConstant;

        StatusCollector(String owner, Set<Integer> statuses, List<String> calls) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.statuses = statuses;
            this.calls = calls;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle target && target.getOwner().equals(owner)) {
                    calls.add(target.getName() + target.getDesc());
                }
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && owner.equals("org/springframework/http/HttpStatus")) {
                lastConstant = HttpStatus.valueOf(name).value();
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (owner.equals(this.owner)) {
                calls.add(name + descriptor);
                return;
            }
            if (!owner.equals("org/springframework/http/ResponseEntity")) {
                return;
            }
            if (FACTORIES.containsKey(name)) {
                statuses.add(FACTORIES.get(name));
            } else if ((name.equals("status") || name.equals("<init>"))
                    && lastConstant != null
                    && lastConstant / 100 == 2) {
                statuses.add(lastConstant);
            }
        }
    }
}
