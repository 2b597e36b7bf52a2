package io.wellbase.platform.internal.security;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.web.ProblemWriter;
import io.wellbase.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) and a problem detail. A request whose
 * bearer token is invalid, expired or of an ended session first takes a token from its address's
 * bucket (the anonymous limit): guessing tokens is rate limited like any other anonymous traffic.
 */
class BearerEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problemWriter;
    private final InvalidCredentialBudget invalidCredentials;

    BearerEntryPoint(ProblemWriter problemWriter, RateLimiter rateLimiter, PlatformProperties.RateLimits limits) {
        this.problemWriter = problemWriter;
        this.invalidCredentials = new InvalidCredentialBudget(rateLimiter, problemWriter, limits);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        boolean badToken = ex instanceof InvalidBearerTokenException;
        if (badToken && !invalidCredentials.admit(request, response)) {
            return;
        }
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                badToken
                        ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or signed out\""
                        : "Bearer");
        problemWriter.write(
                response,
                badToken
                        ? Problems.of(
                                HttpStatus.UNAUTHORIZED,
                                "auth.invalid_token",
                                "The access token is invalid, expired or its session has ended; sign in again")
                        : Problems.of(
                                HttpStatus.UNAUTHORIZED, "auth.unauthenticated", "A valid bearer token is required"));
    }
}
