package io.wellbase.platform.internal.ratelimit;

import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.web.ProblemWriter;
import io.wellbase.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Lets a request through a bucket or answers the 429 for it: the {@code RateLimit-*} headers always,
 * and with an empty bucket {@code Retry-After} and the problem. Shared by the per-caller filter and the
 * limit on invalid bearer tokens.
 */
public class RateLimitGate {

    private final RateLimiter rateLimiter;
    private final ProblemWriter problemWriter;

    public RateLimitGate(RateLimiter rateLimiter, ProblemWriter problemWriter) {
        this.rateLimiter = rateLimiter;
        this.problemWriter = problemWriter;
    }

    /** Takes a token from the bucket; answers false after writing the 429 when it is empty. */
    public boolean admit(String key, RateLimiter.Limit limit, HttpServletResponse response) throws IOException {
        RateLimiter.Decision decision = rateLimiter.tryConsume(key, limit);
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, decision.resetSeconds())));
            problemWriter.write(
                    response,
                    Problems.of(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate_limited",
                            "Too many requests; retry after " + Math.max(1, decision.resetSeconds()) + " seconds"));
            return false;
        }
        return true;
    }
}
