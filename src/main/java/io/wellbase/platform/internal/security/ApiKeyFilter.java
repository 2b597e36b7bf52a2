package io.wellbase.platform.internal.security;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.security.ApiKeyAuthenticator;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ProblemWriter;
import io.wellbase.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code X-Api-Key}: the key's caller, or a 401 problem when the key is
 * unknown, revoked or expired (such a request first takes a token from its address's anonymous bucket, so guessing
 * keys is rate limited like guessing tokens). A request with both a key and a bearer token is refused: it would be
 * unclear whose rights it uses.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeyAuthenticator authenticator;
    private final ProblemWriter problems;
    private final InvalidCredentialBudget invalidCredentials;

    ApiKeyFilter(
            ApiKeyAuthenticator authenticator,
            ProblemWriter problems,
            RateLimiter rateLimiter,
            PlatformProperties.RateLimits limits) {
        this.authenticator = authenticator;
        this.problems = problems;
        this.invalidCredentials = new InvalidCredentialBudget(rateLimiter, problems, limits);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(ApiKeyAuthenticator.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "auth.two_credentials",
                            "Send either an API key or a bearer token, not both"));
            return;
        }
        String presented = request.getHeader(ApiKeyAuthenticator.HEADER).trim();
        Optional<Caller> caller = presented.isEmpty() || presented.length() > 200
                ? Optional.empty()
                : authenticator.authenticate(presented, request.getRemoteAddr());
        if (caller.isEmpty()) {
            if (!invalidCredentials.admit(request, response)) {
                return;
            }
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "auth.api_key_invalid",
                            "The API key is unknown, revoked or expired, or its maker is no longer a member"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerJwtConverter.CallerAuthentication(caller.get(), null));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
