package io.wellbase.billing.internal;

import io.wellbase.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place billing's refusals become problem details. */
@RestControllerAdvice(basePackages = "io.wellbase.billing")
class BillingProblems {

    @ExceptionHandler(BillingRefusal.class)
    ResponseEntity<ProblemDetail> refused(BillingRefusal refusal) {
        HttpStatusCode status = HttpStatusCode.valueOf(refusal.reason().status());
        ProblemDetail problem = Problems.of(status, refusal.reason().code(), refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        var answer = ResponseEntity.status(status);
        if (refusal.reason() == BillingRefusal.Reason.PROVIDER_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
