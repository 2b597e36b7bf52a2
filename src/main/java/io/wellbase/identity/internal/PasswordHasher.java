package io.wellbase.identity.internal;

import io.wellbase.identity.IdentityProperties;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes. {@link #burn(String)} spends the same time as a real check, so an
 * unknown email cannot be told from a wrong password by the clock.
 */
@Component
class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final String dummyHash;

    PasswordHasher(IdentityProperties properties) {
        IdentityProperties.Argon2 cost = properties.argon2();
        this.encoder = new Argon2PasswordEncoder(16, 32, cost.parallelism(), cost.memoryKib(), cost.iterations());
        this.dummyHash = encoder.encode("wellbase-timing-equaliser");
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return hash != null && encoder.matches(password, hash);
    }

    void burn(String password) {
        encoder.matches(password, dummyHash);
    }
}
