package io.wellbase.identity.internal;

import io.wellbase.identity.IdentityProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * GitHub's user: {@code /user}, then {@code /user/emails} for the primary address GitHub has verified (the public
 * {@code email} of {@code /user} may be null, and GitHub does not say whether it is verified). The access token is
 * used for these two calls only and kept nowhere.
 */
final class OAuthGitHubUsers implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    static final String VERIFIED_EMAIL = "wellbase_verified_email";

    private final DefaultOAuth2UserService users = new DefaultOAuth2UserService();
    private final String emailsUri;
    private final RestClient http = RestClient.create();

    OAuthGitHubUsers(IdentityProperties properties) {
        String configured = properties.oauth().github().emailsUri();
        this.emailsUri = configured == null ? "https://api.github.com/user/emails" : configured;
    }

    record GitHubEmail(String email, boolean primary, boolean verified) {}

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) throws OAuth2AuthenticationException {
        OAuth2User user = users.loadUser(request);
        Map<String, Object> attributes = new HashMap<>(user.getAttributes());
        try {
            List<GitHubEmail> emails = http.get()
                    .uri(emailsUri)
                    .header(
                            "Authorization",
                            "Bearer " + request.getAccessToken().getTokenValue())
                    .header("Accept", "application/vnd.github+json")
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<GitHubEmail>>() {});
            if (emails != null) {
                emails.stream()
                        .filter(e -> e.primary() && e.verified())
                        .findFirst()
                        .ifPresent(e -> attributes.put(VERIFIED_EMAIL, e.email()));
            }
        } catch (RestClientException e) {
            // no verified address then: the sign-in goes on without one and is refused if it needs one
        }
        String nameKey = request.getClientRegistration()
                .getProviderDetails()
                .getUserInfoEndpoint()
                .getUserNameAttributeName();
        return new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("OAUTH2_USER")), attributes, nameKey);
    }
}
