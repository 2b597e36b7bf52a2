package io.wellbase.platform.internal.web;

import io.wellbase.platform.web.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error path: failures outside Spring MVC (a filter, the container) still
 * answer with a problem, never an HTML page or a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String problemCode = switch (status) {
            case NOT_FOUND -> "not_found";
            case CONTENT_TOO_LARGE -> "request.too_large";
            case BAD_REQUEST -> "request.malformed";
            default -> status.is5xxServerError() ? "internal_error" : "request.invalid";
        };
        String detail = status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase();
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, problemCode, detail));
    }
}
