package io.wellbase.platform.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem details of API.md: a type URI derived from the code, a title, the code,
 * the request id and, for validation, the field list.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://wellbase.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.replace('.', '/').replace('_', '-')));
        problem.setTitle(titleFor(status));
        problem.setProperty("code", code);
        problem.setProperty("requestId", RequestIds.current());
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<ApiException.FieldError> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static String titleFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Invalid request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status.is5xxServerError() ? "Internal error" : "Request failed";
        };
    }
}
