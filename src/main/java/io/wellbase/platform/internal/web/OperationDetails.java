package io.wellbase.platform.internal.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * What the document says about one handler that the scanner cannot know: a readable operation id
 * from the controller and method ({@code clientsCreate}, {@code sessionsBook}), a tag when the
 * controller has none, and the success statuses a {@code ResponseEntity} handler really answers
 * (201 with {@code Location}, 202, 204) instead of the 200 its declared type suggests.
 */
class OperationDetails implements OperationCustomizer {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> controller = ClassUtils.getUserClass(handler.getBeanType());
        List<Method> siblings = siblings(handler.getMethod());
        Method named = Stream.concat(Stream.of(handler.getMethod()), siblings.stream())
                .min(Comparator.comparingInt((Method m) -> m.getName().length()).thenComparing(Method::getName))
                .orElseThrow();
        operation.setOperationId(operationId(controller, named));
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.setTags(new ArrayList<>(List.of(tag(controller))));
        }
        hideQueryMaps(operation, handler);
        siblings.forEach(sibling -> siblingContent(operation, sibling));
        if (!declaresSuccess(handler.getMethod())) {
            successStatuses(operation.getResponses(), SuccessStatuses.of(handler.getMethod()));
        }
        return operation;
    }

    /**
     * The resource then the method ({@code clientsCreate}); the method alone when it names the resource
     * ({@code upload}), the resource alone when it ends with the method ({@code calendarFeed}).
     */
    static String operationId(Class<?> controller, Method method) {
        String resource = StringUtils.uncapitalize(resource(controller));
        String singular = resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
        String name = method.getName();
        if (name.toLowerCase().contains(singular.toLowerCase())) {
            return name;
        }
        if (resource.toLowerCase().endsWith(name.toLowerCase())) {
            return resource;
        }
        if (singular.toLowerCase().endsWith(name.toLowerCase())) {
            return singular;
        }
        return resource + StringUtils.capitalize(name);
    }

    private static String resource(Class<?> controller) {
        String name = controller.getSimpleName();
        return name.endsWith("Controller") ? name.substring(0, name.length() - "Controller".length()) : name;
    }

    private static String tag(Class<?> controller) {
        String words =
                resource(controller).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return StringUtils.capitalize(words);
    }

    /**
     * A {@code @RequestParam Map} collects whatever query parameters came (the client list hands them to
     * its filter extensions); it is not a parameter named after the Java argument.
     */
    private static void hideQueryMaps(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return;
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && Map.class.isAssignableFrom(parameter.getParameterType())) {
                parameter.initParameterNameDiscovery(NAMES);
                String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                operation
                        .getParameters()
                        .removeIf(p -> "query".equals(p.getIn()) && p.getName().equals(name));
            }
        }
    }

    /**
     * The other handlers of the same path and method, that differ by a query parameter
     * ({@code format=csv}) or the content type: the document shows them as one operation.
     */
    private static List<Method> siblings(Method method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        List<Method> siblings = new ArrayList<>();
        if (mapping == null) {
            return siblings;
        }
        for (Method other : method.getDeclaringClass().getDeclaredMethods()) {
            RequestMapping otherMapping = AnnotatedElementUtils.findMergedAnnotation(other, RequestMapping.class);
            if (!other.equals(method)
                    && otherMapping != null
                    && Arrays.equals(mapping.path(), otherMapping.path())
                    && Arrays.equals(mapping.method(), otherMapping.method())) {
                siblings.add(other);
            }
        }
        return siblings;
    }

    /** The scanner keeps one sibling's media types only; add the other's declared ones. */
    private static void siblingContent(Operation operation, Method sibling) {
        if (operation.getResponses() == null) {
            return;
        }
        for (var declared : AnnotatedElementUtils.findMergedRepeatableAnnotations(
                sibling, io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
            ApiResponse response = operation.getResponses().get(declared.responseCode());
            if (response == null) {
                continue;
            }
            if (response.getContent() == null) {
                response.setContent(new Content());
            }
            for (var content : declared.content()) {
                response.getContent()
                        .putIfAbsent(
                                content.mediaType(),
                                new io.swagger.v3.oas.models.media.MediaType()
                                        .schema(new Schema<String>()
                                                .type("string")
                                                .types(Set.of("string"))));
            }
        }
    }

    private static boolean declaresSuccess(Method method) {
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(
                        method, io.swagger.v3.oas.annotations.responses.ApiResponse.class)
                .stream()
                .anyMatch(r -> r.responseCode().startsWith("2"));
    }

    private static void successStatuses(ApiResponses responses, SuccessStatuses.Answer answer) {
        Set<Integer> statuses = answer.statuses();
        if (responses == null || statuses.isEmpty() || statuses.equals(Set.of(200))) {
            return;
        }
        ApiResponse template = responses.remove("200");
        for (int status : statuses) {
            ApiResponse response =
                    new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase());
            if (template != null && status != 204) {
                response.setContent(template.getContent());
            }
            if (answer.location() && (status == 201 || status == 202)) {
                response.addHeaderObject(
                        "Location",
                        new Header()
                                .description(
                                        status == 201
                                                ? "The URL of the created resource"
                                                : "The URL to poll the job at")
                                .schema(new Schema<String>()
                                        .type("string")
                                        .types(Set.of("string"))
                                        .format("uri-reference")));
            }
            responses.addApiResponse(String.valueOf(status), response);
        }
    }
}
