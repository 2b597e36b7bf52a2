package io.wellbase.identity.internal;

import io.wellbase.identity.IdentityProperties;
import io.wellbase.platform.web.ProblemWriter;
import io.wellbase.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;

/**
 * The sign-in with Google and GitHub, through Spring Security's OAuth 2.0 client, in a filter chain of its own for
 * {@code /api/v1/auth/oauth/authorize/{provider}} (leaves for the provider, with state, PKCE and, for Google, a
 * nonce) and {@code /api/v1/auth/oauth/callback/{provider}} (the code exchanged, the ID token or GitHub's user
 * checked). Stateless: the request in flight is in the database, no session, no provider token kept. The end of the
 * flow returns to the front end with a single-use Wellbase code (or an {@code error}), never a provider's token.
 */
@Configuration(proxyBeanMethods = false)
class OAuthSignInConfig {

    @Bean
    @Order(0)
    SecurityFilterChain signInWithProviders(
            HttpSecurity http,
            OAuthRegistrations registrations,
            OAuthAuthorizationRequests requests,
            OAuthAccounts accounts,
            OneTimeTokenStore tokens,
            IdentityProperties properties,
            ProblemWriter problems)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, OAuthRegistrations.AUTHORIZE);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.securityMatcher(OAuthRegistrations.AUTHORIZE + "/**", OAuthRegistrations.CALLBACK + "**")
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new NullSecurityContextRepository()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .addFilterBefore(
                        new OAuthAuthorizeCheck(registrations, properties, tokens, problems),
                        OAuth2AuthorizationRequestRedirectFilter.class)
                .oauth2Login(o -> o.clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new NoAuthorizedClients())
                        .authorizationEndpoint(e -> e.baseUri(OAuthRegistrations.AUTHORIZE)
                                .authorizationRequestRepository(requests)
                                .authorizationRequestResolver(resolver))
                        .redirectionEndpoint(r -> r.baseUri(OAuthRegistrations.CALLBACK + "*"))
                        .userInfoEndpoint(u ->
                                u.userService(new OAuthGitHubUsers(properties)).oidcUserService(new OidcUserService()))
                        .successHandler((request, response, authentication) ->
                                succeeded(request, response, authentication, accounts))
                        .failureHandler((request, response, e) -> failed(request, response, problems)));
        return http.build();
    }

    private static void succeeded(
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication authentication,
            OAuthAccounts accounts)
            throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OAuthProviderAccount account =
                OAuthProviderAccount.of(token.getAuthorizedClientRegistrationId(), token.getPrincipal());
        UUID linkUser = (UUID) request.getAttribute(OAuthAuthorizationRequests.LINK_USER_ATTRIBUTE);
        String redirect = (String) request.getAttribute(OAuthAuthorizationRequests.REDIRECT_ATTRIBUTE);
        String query = switch (accounts.signIn(account, linkUser)) {
            case OAuthAccounts.Outcome.SignedIn s -> "code=" + encode(s.code()) + (s.created() ? "&created=true" : "");
            case OAuthAccounts.Outcome.Linked l -> "linked=" + account.provider();
            case OAuthAccounts.Outcome.ConfirmationSent c -> "error=confirm_email";
            case OAuthAccounts.Outcome.EmailUnverified u -> "error=email_unverified";
            case OAuthAccounts.Outcome.LinkedElsewhere e -> "error=identity_in_use";
        };
        response.sendRedirect(redirect + (redirect.contains("?") ? "&" : "?") + query);
    }

    private static void failed(HttpServletRequest request, HttpServletResponse response, ProblemWriter problems)
            throws IOException {
        String redirect = (String) request.getAttribute(OAuthAuthorizationRequests.REDIRECT_ATTRIBUTE);
        if (redirect == null) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "auth.sign_in_failed",
                            "The sign-in is unknown, used or expired; start it again"));
            return;
        }
        response.sendRedirect(redirect + (redirect.contains("?") ? "&" : "?") + "error=provider_error");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Keeps no provider tokens: they served the sign-in and nothing after it. */
    static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String clientRegistrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient authorizedClient,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
