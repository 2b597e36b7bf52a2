package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Rotating the signing key: new tokens carry the new key id, tokens signed with the previous key
 * still verify, and both public keys are published.
 */
class SigningKeyRotationIntegrationTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void rotationKeepsOldTokensValid() throws Exception {
        Account before = register("rotation");
        String oldKid = kid(before.accessToken());
        Object keyRing = context.getBean("jwtKeyRing");
        var rotate = keyRing.getClass().getDeclaredMethod("rotate", Duration.class);
        rotate.setAccessible(true);
        rotate.invoke(keyRing, Duration.ofMinutes(15));

        Api.Response fresh =
                api.post("/api/v1/auth/login", Map.of("email", before.email(), "password", PASSWORD), null);
        String newKid = kid(fresh.field("accessToken"));
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(api.get("/api/v1/auth/me", before.accessToken()).status())
                .as("old token still verifies")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", fresh.field("accessToken")).status())
                .isEqualTo(200);
        String jwks = api.get("/.well-known/jwks.json", null).text();
        assertThat(jwks).contains(oldKid).contains(newKid);
    }
}
