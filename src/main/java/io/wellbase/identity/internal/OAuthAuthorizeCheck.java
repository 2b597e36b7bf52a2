package io.wellbase.identity.internal;

import io.wellbase.identity.IdentityProperties;
import io.wellbase.platform.web.ProblemWriter;
import io.wellbase.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a sign-in leaves for the provider: the provider must be configured (404), the front-end address it returns
 * to must be one of {@code wellbase.identity.oauth.redirect-uris} (400: no open redirect), and a link ticket, when
 * given, must be live (it names the signed-in user who asked to link). Both are kept with the authorization request.
 */
final class OAuthAuthorizeCheck extends OncePerRequestFilter {

    static final String LINK_TICKET = "oauth_link_ticket";

    private final OAuthRegistrations registrations;
    private final List<String> allowed;
    private final OneTimeTokenStore tickets;
    private final ProblemWriter problems;

    OAuthAuthorizeCheck(
            OAuthRegistrations registrations,
            IdentityProperties properties,
            OneTimeTokenStore tickets,
            ProblemWriter problems) {
        this.registrations = registrations;
        this.allowed = properties.oauth().redirectUris();
        this.tickets = tickets;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(OAuthRegistrations.AUTHORIZE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String provider = request.getRequestURI().substring(OAuthRegistrations.AUTHORIZE.length() + 1);
        if (registrations.findByRegistrationId(provider) == null) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.NOT_FOUND, "auth.provider_unknown", "No sign-in with '" + provider + "' here"));
            return;
        }
        String redirect = request.getParameter("redirect");
        if (!allowedRedirect(redirect)) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "auth.redirect_not_allowed",
                            "redirect must start with one of wellbase.identity.oauth.redirect-uris"));
            return;
        }
        String ticket = request.getParameter("link");
        if (ticket != null) {
            Optional<UUID> user = tickets.consume(ticket, LINK_TICKET);
            if (user.isEmpty()) {
                problems.write(
                        response,
                        Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "auth.invalid_token",
                                "The link ticket is unknown, used or expired"));
                return;
            }
            request.setAttribute(OAuthAuthorizationRequests.LINK_USER_ATTRIBUTE, user.get());
        }
        request.setAttribute(OAuthAuthorizationRequests.REDIRECT_ATTRIBUTE, redirect);
        chain.doFilter(request, response);
    }

    private boolean allowedRedirect(String redirect) {
        if (redirect == null || redirect.isBlank() || redirect.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(redirect);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return allowed.stream().anyMatch(prefix -> !prefix.isBlank() && redirect.startsWith(prefix));
    }
}
