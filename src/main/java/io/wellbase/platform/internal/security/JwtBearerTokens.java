package io.wellbase.platform.internal.security;

import io.wellbase.platform.security.BearerTokens;
import io.wellbase.platform.security.Caller;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/** Bearer tokens verified by the application's decoder and turned into a caller as for HTTP. */
@Component
class JwtBearerTokens implements BearerTokens {

    private final JwtDecoder decoder;
    private final CallerJwtConverter converter = new CallerJwtConverter();

    JwtBearerTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Optional<Caller> verify(String token) {
        try {
            return Optional.of((Caller) converter.convert(decoder.decode(token)).getPrincipal());
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
