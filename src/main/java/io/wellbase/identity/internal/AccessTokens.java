package io.wellbase.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.wellbase.identity.IdentityProperties;
import io.wellbase.platform.security.Role;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Issues signed access tokens (RS256) with the claims sub, sid, org, role, exp, iat and jti, and
 * provides the decoder the security filter chain verifies them with.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokens {

    /** The claim naming the sign-in (refresh-token family) a token belongs to. */
    static final String SESSION_CLAIM = "sid";

    private final JwtKeyRing keyRing;
    private final IdentityProperties properties;
    private final SessionRights rights;

    AccessTokens(JwtKeyRing keyRing, IdentityProperties properties, SessionRights rights) {
        this.keyRing = keyRing;
        this.properties = properties;
        this.rights = rights;
    }

    /** A signed token and its lifetime in seconds. */
    record Issued(String token, long expiresIn) {}

    Issued issue(UUID userId, UUID sessionId, UUID organizationId, Role role) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, sessionId.toString());
        if (organizationId != null && role != null) {
            claims.claim("org", organizationId.toString()).claim("role", role.value());
        }
        RSAKey key = keyRing.signingKey();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return new Issued(jwt.serialize(), properties.accessTokenTtl().toSeconds());
    }

    @Bean
    JwtDecoder jwtDecoder() {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keyRing));
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        var validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()), new JwtIssuerValidator(properties.issuer()));
        decoder.setJwtValidator(validator);
        return new CachingJwtDecoder(decoder, validator, rights, properties.accessTokenTtl());
    }
}
