package io.wellbase.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.IntegrationTest;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The private halves of the signing keys are stored encrypted; a plain key left by an older version is
 * encrypted at start and keeps verifying its tokens.
 */
class SigningKeyEncryptionIntegrationTests extends IntegrationTest {

    @Autowired
    JwtKeyRing ring;

    @Test
    void privateKeysAreStoredEncryptedAndOldPlainOnesAreEncryptedInPlace() throws Exception {
        register("keys");
        List<byte[]> stored = jdbc.sql("SELECT private_key FROM jwt_signing_keys")
                .query(byte[].class)
                .list();
        assertThat(stored).isNotEmpty().allMatch(SigningKeyCipher::sealed);

        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String kid = "legacy-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO jwt_signing_keys (kid, private_key, public_key, created_at) "
                        + "VALUES (:kid, :priv, :pub, now() - interval '1 day')")
                .param("kid", kid)
                .param("priv", pair.getPrivate().getEncoded())
                .param("pub", pair.getPublic().getEncoded())
                .update();

        ring.sealPlainKeys();

        byte[] sealed = jdbc.sql("SELECT private_key FROM jwt_signing_keys WHERE kid = :kid")
                .param("kid", kid)
                .query(byte[].class)
                .single();
        assertThat(SigningKeyCipher.sealed(sealed)).isTrue();
        assertThat(Arrays.equals(sealed, pair.getPrivate().getEncoded())).isFalse();
        var found = ring.get(
                new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder()
                        .keyID(kid)
                        .build()),
                null);
        assertThat(found).as("the legacy key still loads").hasSize(1);
        assertThat(found.getFirst().toRSAKey().toRSAPrivateKey().getEncoded())
                .as("and decrypts to the same private key")
                .isEqualTo(pair.getPrivate().getEncoded());
        jdbc.sql("DELETE FROM jwt_signing_keys WHERE kid = :kid")
                .param("kid", kid)
                .update();
    }
}
