package io.wellbase.platform.internal.ratelimit;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ProblemWriter;
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
        Caller signedInCaller = Caller.currentIfAny().orElse(null);
        String caller = signedInCaller == null
                ? "ip:" + request.getRemoteAddr()
                : (signedInCaller.viaApiKey() ? "key:" : "user:") + signedInCaller.principalId();
        boolean signedIn = signedInCaller != null;
        String endpointClass;
        RateLimiter.Limit limit;
        if (isUpload(request)) {
            endpointClass = "uploads";
            limit = new RateLimiter.Limit(limits.uploadsPerMinute(), MINUTE);
        } else if (signedInCaller != null && signedInCaller.viaApiKey()) {
            endpointClass = "api_key";
            limit = new RateLimiter.Limit(limits.apiKeyPerMinute(), MINUTE);
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

    /**
     * An upload through the API, or the confirmation of a direct upload (both read and store a file); announcing a
     * direct upload stores nothing and counts as any other request.
     */
    private static boolean isUpload(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return "POST".equals(request.getMethod())
                && uri.startsWith("/api/v1/uploads")
                && !uri.equals("/api/v1/uploads/direct");
    }
}
