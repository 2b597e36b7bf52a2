package io.wellbase.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.identity.IdentityProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordHasherTests {

    private static final IdentityProperties PROPERTIES = new IdentityProperties(
            Duration.ofMinutes(15),
            Duration.ofDays(30),
            Duration.ofHours(1),
            Duration.ofHours(48),
            Duration.ofDays(30),
            "wellbase",
            new IdentityProperties.Argon2(4096, 2, 1),
            16384,
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            null,
            null);

    private final PasswordHasher hasher = new PasswordHasher(PROPERTIES);

    @Test
    void hashesAreArgon2idWithTheConfiguredCostAndVerify() {
        assertThat(hasher.nativeLoaded())
                .as("libargon2 from the argon2-jvm jar loads on this platform")
                .isTrue();
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=4096,t=2,p=1$");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("wrong horse battery", hash)).isFalse();
        assertThat(hasher.matches("anything", null)).isFalse();
    }

    @Test
    void nativeAndPureJavaHashesAreInterchangeable() {
        Argon2PasswordEncoder java = new Argon2PasswordEncoder(16, 32, 1, 4096, 2);
        assertThat(hasher.matches("from java", java.encode("from java"))).isTrue();
        assertThat(java.matches("from native", hasher.hash("from native"))).isTrue();
    }
}
