package io.wellbase.platform.internal.ratelimit;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.internal.web.ProblemWriter;
import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits API calls per caller and endpoint class (anonymous by address, signed-in by user, uploads
 * apart), answering 429 with {@code Retry-After} and the {@code RateLimit-*} headers.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimitGate gate;
    private final PlatformProperties.RateLimits limits;

    public RateLimitFilter(RateLimiter rateLimiter, PlatformProperties.RateLimits limits, ProblemWriter problemWriter) {
        this.gate = new RateLimitGate(rateLimiter, problemWriter);
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller =
                Caller.currentIfAny().map(c -> "user:" + c.userId()).orElseGet(() -> "ip:" + request.getRemoteAddr());
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
        if (gate.admit("rl:" + endpointClass + ":" + caller, limit, response)) {
            chain.doFilter(request, response);
        }
    }
}
