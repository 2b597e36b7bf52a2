package io.wellbase.platform.internal.security;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.internal.ratelimit.RateLimitGate;
import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * A request with an invalid credential (a bearer token or an API key) first takes a token from its address's
 * bucket at the anonymous limit: guessing credentials is rate limited like any other anonymous traffic.
 */
final class InvalidCredentialBudget {

    private final RateLimitGate gate;
    private final PlatformProperties.RateLimits limits;

    InvalidCredentialBudget(RateLimiter rateLimiter, ProblemWriter problems, PlatformProperties.RateLimits limits) {
        this.gate = new RateLimitGate(rateLimiter, problems);
        this.limits = limits;
    }

    /** False, with the 429 written, when the address has spent its budget. */
    boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return !limits.enabled()
                || gate.admit(
                        "rl:invalid_token:ip:" + request.getRemoteAddr(),
                        new RateLimiter.Limit(limits.anonymousPerMinute(), Duration.ofMinutes(1)),
                        response);
    }
}
