package io.wellbase.identity.internal;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.wellbase.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes in the standard PHC string format. The native libargon2 (shipped in the
 * argon2-jvm jar) is about three times faster than the pure-Java implementation, which is what
 * lets sign-in keep up at OWASP's cost; where the native library cannot load (another CPU), the
 * pure-Java BouncyCastle implementation takes over and reads the same hashes.
 * {@link #burn(String)} spends the time of a real check, so an unknown email cannot be told from a
 * wrong password by the clock.
 */
@Component
class PasswordHasher {

    private static final Logger log = LoggerFactory.getLogger(PasswordHasher.class);

    private final IdentityProperties.Argon2 cost;
    private final Argon2 nativeArgon2;
    private final Argon2PasswordEncoder javaArgon2;
    private final String dummyHash;

    PasswordHasher(IdentityProperties properties) {
        this.cost = properties.argon2();
        this.javaArgon2 = new Argon2PasswordEncoder(16, 32, cost.parallelism(), cost.memoryKib(), cost.iterations());
        this.nativeArgon2 = loadNative();
        this.dummyHash = hash("wellbase-timing-equaliser");
    }

    private static Argon2 loadNative() {
        try {
            Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
            argon2.hash(1, 1024, 1, "probe".toCharArray());
            return argon2;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Native Argon2 unavailable ({}); using the slower pure-Java implementation", e.toString());
            return null;
        }
    }

    String hash(String password) {
        if (nativeArgon2 == null) {
            return javaArgon2.encode(password);
        }
        return nativeArgon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), password.toCharArray());
    }

    boolean matches(String password, String hash) {
        if (hash == null) {
            return false;
        }
        if (nativeArgon2 == null) {
            return javaArgon2.matches(password, hash);
        }
        return nativeArgon2.verify(hash, password.toCharArray());
    }

    void burn(String password) {
        matches(password, dummyHash);
    }

    boolean nativeLoaded() {
        return nativeArgon2 != null;
    }
}
