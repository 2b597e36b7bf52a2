package io.wellbase.identity.internal;

import io.wellbase.identity.IdentityProperties;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The sign-in providers that are configured ({@code wellbase.identity.oauth.google|github}): Spring Security's
 * registrations for Google (OpenID Connect: {@code openid profile email}) and GitHub (OAuth 2: {@code read:user
 * user:email}), each returning to {@code /api/v1/auth/oauth/callback/{provider}}, with the provider's endpoints
 * unless a stand-in's are set. None configured: no provider, and the sign-in endpoints answer 404.
 */
@Component
class OAuthRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    static final String CALLBACK = "/api/v1/auth/oauth/callback/";
    static final String AUTHORIZE = "/api/v1/auth/oauth/authorize";

    private final Map<String, ClientRegistration> registrations = new LinkedHashMap<>();

    OAuthRegistrations(IdentityProperties properties) {
        IdentityProperties.Provider google = properties.oauth().google();
        if (google.configured()) {
            registrations.put("google", build(CommonOAuth2Provider.GOOGLE.getBuilder("google"), google));
        }
        IdentityProperties.Provider github = properties.oauth().github();
        if (github.configured()) {
            registrations.put(
                    "github",
                    build(CommonOAuth2Provider.GITHUB.getBuilder("github").scope("read:user", "user:email"), github));
        }
    }

    private static ClientRegistration build(ClientRegistration.Builder builder, IdentityProperties.Provider p) {
        builder.clientId(p.clientId())
                .clientSecret(p.clientSecret())
                .redirectUri("{baseUrl}" + CALLBACK + "{registrationId}");
        if (p.authorizationUri() != null) {
            builder.authorizationUri(p.authorizationUri());
        }
        if (p.tokenUri() != null) {
            builder.tokenUri(p.tokenUri());
        }
        if (p.jwkSetUri() != null) {
            builder.jwkSetUri(p.jwkSetUri());
        }
        if (p.userInfoUri() != null) {
            builder.userInfoUri(p.userInfoUri());
        }
        if (p.issuer() != null) {
            builder.issuerUri(p.issuer());
        }
        return builder.build();
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return registrations.get(registrationId);
    }

    Set<String> providers() {
        return registrations.keySet();
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return registrations.values().iterator();
    }
}
