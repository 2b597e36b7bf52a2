package io.wellbase.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.platform.security.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies each access token's signature once per node: a client sends the same token for up to
 * its lifetime, and the RSA check and claim parsing dominated an authenticated request. The cache
 * is keyed by the whole token string; expiry and the other claim checks still run on every request.
 * Then the token's rights are brought up to date ({@link SessionRights}): a token of an ended session
 * is refused, and its role is the user's current one (none, when they are no longer a member).
 */
class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final SessionRights rights;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(
            JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, SessionRights rights, Duration tokenLifetime) {
        this.delegate = delegate;
        this.validator = validator;
        this.rights = rights;
        this.verified = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(tokenLifetime)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return current(verify(token));
    }

    private Jwt verify(String token) {
        Jwt cached = verified.getIfPresent(token);
        if (cached == null) {
            Jwt jwt = delegate.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(cached);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        return cached;
    }

    private Jwt current(Jwt jwt) {
        String session = jwt.getClaimAsString(AccessTokens.SESSION_CLAIM);
        if (session == null) {
            throw new BadJwtException("The token names no session");
        }
        String org = jwt.getClaimAsString("org");
        SessionRights.State state = rights.of(new SessionRights.Key(
                UUID.fromString(jwt.getSubject()),
                UUID.fromString(session),
                org == null ? null : UUID.fromString(org)));
        if (!state.live()) {
            throw new BadJwtException("The session has ended");
        }
        if (org == null) {
            return jwt;
        }
        Optional<String> role = state.role().map(Role::value);
        if (role.isPresent() && role.get().equals(jwt.getClaimAsString("role"))) {
            return jwt;
        }
        return Jwt.withTokenValue(jwt.getTokenValue())
                .headers(h -> h.putAll(jwt.getHeaders()))
                .claims(claims -> {
                    claims.putAll(jwt.getClaims());
                    role.ifPresentOrElse(r -> claims.put("role", r), () -> {
                        claims.remove("role");
                        claims.remove("org");
                    });
                })
                .build();
    }
}
