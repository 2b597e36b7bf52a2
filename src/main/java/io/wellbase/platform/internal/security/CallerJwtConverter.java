package io.wellbase.platform.internal.security;

import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Role;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified access token into the {@link Caller} that endpoints read.
 */
class CallerJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String org = jwt.getClaimAsString("org");
        Role role = Role.parse(jwt.getClaimAsString("role")).orElse(null);
        Caller caller = new Caller(
                UUID.fromString(jwt.getSubject()), org == null ? null : UUID.fromString(org), role, jwt.getId());
        return new CallerAuthentication(caller, jwt);
    }

    /** An authenticated request whose principal is the caller: its access token, or none for an API key. */
    static final class CallerAuthentication extends AbstractAuthenticationToken {

        private final Caller caller;
        private final transient @Nullable Jwt jwt;

        CallerAuthentication(Caller caller, @Nullable Jwt jwt) {
            super(
                    caller.role() == null
                            ? List.of()
                            : List.of(new SimpleGrantedAuthority(
                                    "ROLE_" + caller.role().name())));
            this.caller = caller;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt == null ? "" : jwt;
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.viaApiKey()
                    ? "api-key:" + caller.apiKeyId()
                    : caller.userId().toString();
        }
    }
}
