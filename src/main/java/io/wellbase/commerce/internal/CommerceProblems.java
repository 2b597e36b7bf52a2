package io.wellbase.commerce.internal;

import io.wellbase.platform.web.Problems;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place commerce's refusals become problem details. */
@RestControllerAdvice(basePackages = "io.wellbase.commerce")
class CommerceProblems {

    @ExceptionHandler(CommerceRefusal.class)
    ResponseEntity<ProblemDetail> refused(CommerceRefusal refusal) {
        HttpStatusCode status = HttpStatusCode.valueOf(refusal.reason().status());
        ProblemDetail problem = Problems.of(status, refusal.reason().code(), refusal.getMessage());
        if (!refusal.items().isEmpty()) {
            problem.setProperty("items", refusal.items());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
