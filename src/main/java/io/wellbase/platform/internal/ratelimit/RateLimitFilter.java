package io.wellbase.platform.internal.ratelimit;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.internal.web.ProblemWriter;
import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits API calls per caller and endpoint class (anonymous by address, signed-in by user, uploads
 * apart), answering 429 with {@code Retry-After} and the {@code RateLimit-*} headers.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimiter rateLimiter;
    private final PlatformProperties.RateLimits limits;
    private final ProblemWriter problemWriter;

    public RateLimitFilter(RateLimiter rateLimiter, PlatformProperties.RateLimits limits, ProblemWriter problemWriter) {
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.problemWriter = problemWriter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = Caller.currentIfAny().map(c -> "user:" + c.userId())
                .orElseGet(() -> "ip:" + request.getRemoteAddr());
        boolean signedIn = caller.startsWith("user:");
        String endpointClass;
        RateLimiter.Limit limit;
        if ("POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/v1/uploads")) {
            endpointClass = "uploads";
            limit = new RateLimiter.Limit(limits.uploadsPerMinute(), MINUTE);
        } else if (signedIn) {
            endpointClass = "authenticated";
            limit = new RateLimiter.Limit(limits.authenticatedPerMinute(), MINUTE);
        } else {
            endpointClass = "anonymous";
            limit = new RateLimiter.Limit(limits.anonymousPerMinute(), MINUTE);
        }
        if (admit("rl:" + endpointClass + ":" + caller, limit, response)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Takes a token from the bucket and writes the {@code RateLimit-*} headers; when the bucket is empty,
     * writes the 429 problem with {@code Retry-After} and answers false.
     */
    public boolean admit(String key, RateLimiter.Limit limit, HttpServletResponse response) throws IOException {
        RateLimiter.Decision decision = rateLimiter.tryConsume(key, limit);
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, decision.resetSeconds())));
            ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many requests; retry after " + Math.max(1, decision.resetSeconds()) + " seconds");
            problemWriter.write(response, problem);
            return false;
        }
        return true;
    }
}
