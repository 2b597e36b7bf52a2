package io.wellbase.identity.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Who the provider says signed in: its subject (Google's {@code sub}, GitHub's numeric id), and an email only when
 * the provider says it is verified (Google's {@code email_verified}; GitHub's primary verified address from
 * {@code /user/emails}).
 */
record OAuthProviderAccount(
        String provider, String subject, @Nullable String verifiedEmail, String firstName, String lastName) {

    static OAuthProviderAccount of(String provider, OAuth2User user) {
        if (user instanceof OidcUser oidc) {
            String email = Boolean.TRUE.equals(oidc.getEmailVerified()) ? oidc.getEmail() : null;
            return new OAuthProviderAccount(
                    provider,
                    oidc.getSubject(),
                    email,
                    orDefault(oidc.getGivenName(), "New"),
                    orDefault(oidc.getFamilyName(), "member"));
        }
        Map<String, Object> a = user.getAttributes();
        String name = orDefault(
                a.get("name") == null ? null : a.get("name").toString(),
                orDefault(a.get("login") == null ? null : a.get("login").toString(), "New member"));
        int space = name.lastIndexOf(' ');
        Object email = a.get(OAuthGitHubUsers.VERIFIED_EMAIL);
        return new OAuthProviderAccount(
                provider,
                String.valueOf(a.get("id")),
                email == null ? null : email.toString(),
                space < 0 ? name : name.substring(0, space),
                space < 0 ? "-" : name.substring(space + 1));
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
