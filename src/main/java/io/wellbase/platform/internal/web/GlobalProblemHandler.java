package io.wellbase.platform.internal.web;

import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become RFC 9457 problems with a stable {@code code} and the
 * request id. Nothing internal (stack traces, SQL) ever reaches a client.
 */
@RestControllerAdvice
class GlobalProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex, HttpServletResponse servletResponse) {
        ex.retryAfter().ifPresent(after -> {
            String seconds = Long.toString(Math.max(1, after.toSeconds() + (after.toNanosPart() > 0 ? 1 : 0)));
            // set on the response itself: they replace what the request-rate filter wrote for another bucket
            servletResponse.setHeader(HttpHeaders.RETRY_AFTER, seconds);
            if (ex.limit() > 0) {
                servletResponse.setHeader("RateLimit-Limit", Long.toString(ex.limit()));
                servletResponse.setHeader("RateLimit-Remaining", "0");
                servletResponse.setHeader("RateLimit-Reset", seconds);
            }
        });
        return problem(
                ex.status(), Problems.withErrors(Problems.of(ex.status(), ex.code(), ex.getMessage()), ex.errors()));
    }

    @ExceptionHandler(io.wellbase.platform.plans.PlanRefusal.class)
    ResponseEntity<Object> plan(io.wellbase.platform.plans.PlanRefusal ex) {
        HttpStatus status = HttpStatus.valueOf(ex.status());
        var problem = Problems.of(status, ex.code(), ex.getMessage());
        problem.setProperty(ex.code().equals("plan.limit_reached") ? "limit" : "feature", ex.subject());
        return problem(status, problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> stale(OptimisticLockingFailureException ex) {
        return problem(
                HttpStatus.CONFLICT,
                Problems.of(
                        HttpStatus.CONFLICT,
                        "conflict.stale_version",
                        "Someone else changed this in the meantime; reload and try again"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        log.info("Integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.CONFLICT,
                Problems.of(HttpStatus.CONFLICT, "conflict", "The change conflicts with existing data"));
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        TransientDataAccessResourceException.class,
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<Object> databaseDown(Exception ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(DatabaseOutage.problem());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex) {
        log.info("Malformed multipart request: {}", ex.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.BAD_REQUEST,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "request.malformed_multipart",
                        "The multipart request body could not be read (boundary, part headers or a truncated body)"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (DatabaseOutage.causedBy(ex)) {
            return databaseDown(ex);
        }
        log.error("Unexpected error", ex);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal_error",
                        "Something went wrong on our side; the request id helps us find it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(e -> errors.add(new ApiException.FieldError(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(e -> errors.add(new ApiException.FieldError(e.getObjectName(), e.getDefaultMessage())));
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(e -> errors.add(new ApiException.FieldError(name, e.getDefaultMessage())));
        }
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        while (cause != null) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request.too_large", tooLarge.getMessage()));
            }
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                return validation(List.of(new ApiException.FieldError(jsonPath(databind), messageFor(databind))));
            }
            cause = cause.getCause();
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "request.malformed",
                        "The request body is missing or is not valid JSON"));
    }

    private static String messageFor(DatabindException ex) {
        return switch (ex) {
            case UnrecognizedPropertyException e -> "is not a field of this request";
            case InvalidNullException e -> "must not be null";
            case ControlCharacters.InJsonException e -> ControlCharacters.MESSAGE;
            default -> "has the wrong type or format";
        };
    }

    private static String jsonPath(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        ex.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return validation(List.of(new ApiException.FieldError(name, "has the wrong type or format")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return validation(List.of(new ApiException.FieldError(ex.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(status, codeFor(ex, status), detailFor(ex, body, status));
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.putAll(headers);
        }
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, responseHeaders, status);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case NoResourceFoundException e -> "not_found";
            case HttpRequestMethodNotSupportedException e -> "request.method_not_allowed";
            case HttpMediaTypeNotSupportedException e -> "request.unsupported_media_type";
            case HttpMediaTypeNotAcceptableException e -> "request.not_acceptable";
            case MissingRequestHeaderException e -> "request.missing_header";
            case MaxUploadSizeExceededException e -> "request.too_large";
            default -> status.is4xxClientError() ? "request.invalid" : "internal_error";
        };
    }

    private static String detailFor(Exception ex, Object body, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException) {
            return "No such endpoint";
        }
        if (status.is5xxServerError()) {
            return "Something went wrong on our side";
        }
        if (body instanceof ProblemDetail detail && detail.getDetail() != null) {
            return detail.getDetail();
        }
        return ex.getMessage();
    }

    private ResponseEntity<Object> validation(List<ApiException.FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return problem(
                HttpStatus.BAD_REQUEST,
                Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", detail), errors));
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, ProblemDetail problem) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
