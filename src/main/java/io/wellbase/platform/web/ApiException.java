package io.wellbase.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure a client can act on: it becomes an RFC 9457 problem with a stable {@code code}.
 * Modules throw the specific subclasses or the factory methods here; never a bare 500.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> errors;
    private @Nullable Duration retryAfter;
    private long limit;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** When the client may try again (sent as {@code Retry-After}), if the failure says so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The size of the limit a 429 reports in {@code RateLimit-Limit}; 0 when none. */
    public long limit() {
        return limit;
    }

    /** This failure, telling the client when to try again. */
    public ApiException withRetryAfter(Duration after) {
        this.retryAfter = after;
        return this;
    }

    /** A 429 for a limit of {@code limit} attempts, exhausted for {@code retryAfter}. */
    public static ApiException tooManyRequests(String code, String detail, long limit, Duration retryAfter) {
        ApiException ex = new ApiException(HttpStatus.TOO_MANY_REQUESTS, code, detail).withRetryAfter(retryAfter);
        ex.limit = limit;
        return ex;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** A 400 naming every invalid field at once, when there is any; nothing when the list is empty. */
    public static void throwIfInvalid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    errors.size() + " field(s) are invalid",
                    List.copyOf(errors));
        }
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "1 field is invalid",
                List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, detail);
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}
}
