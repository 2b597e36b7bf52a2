package io.wellbase.identity.internal;

import io.wellbase.identity.IdentityProperties;
import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.data.LocalSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts the private halves of the signing keys at rest (AES-256-GCM, the key id as associated data),
 * so a copy of the database alone cannot mint tokens. The key-encryption key comes from
 * {@code wellbase.identity.key-encryption-key} (base64 of 32 bytes); with the embedded database it is
 * made once and kept owner-only beside the data, and with an external database it must be configured.
 */
@Component
class SigningKeyCipher implements io.wellbase.identity.SecretsAtRest {

    private static final byte[] MAGIC = "WBK1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SigningKeyCipher(IdentityProperties identity, PlatformProperties platform) {
        this.key = new SecretKeySpec(decode(keyText(identity, platform)), "AES");
    }

    private static String keyText(IdentityProperties identity, PlatformProperties platform) {
        String configured = identity.keyEncryptionKey();
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (!platform.db().embedded()) {
            throw new IllegalStateException("Set WELLBASE_KEY_ENCRYPTION_KEY (wellbase.identity.key-encryption-key) to "
                    + "the base64 of 32 random bytes (e.g. `openssl rand -base64 32`): it encrypts the token signing "
                    + "keys stored in the external database");
        }
        Path file = LocalSecrets.file(Path.of(platform.db().embeddedDataDir()), "key-encryption-key");
        return LocalSecrets.readOrCreate(file, () -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        });
    }

    private static byte[] decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("wellbase.identity.key-encryption-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "wellbase.identity.key-encryption-key must be 32 bytes (base64), not " + bytes.length);
        }
        return bytes;
    }

    /** Whether a stored private key is already encrypted (older rows hold the plain PKCS#8 bytes). */
    static boolean sealed(byte[] stored) {
        return stored.length > MAGIC.length && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    @Override
    public byte[] seal(String kid, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, kid, nonce, privateKey);
        return ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length)
                .put(MAGIC)
                .put(nonce)
                .put(sealed)
                .array();
    }

    @Override
    public byte[] open(String kid, byte[] stored) {
        if (!sealed(stored)) {
            return stored;
        }
        byte[] nonce = Arrays.copyOfRange(stored, MAGIC.length, MAGIC.length + NONCE_BYTES);
        return crypt(
                Cipher.DECRYPT_MODE, kid, nonce, Arrays.copyOfRange(stored, MAGIC.length + NONCE_BYTES, stored.length));
    }

    private byte[] crypt(int mode, String kid, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Sealed secret " + kid + " cannot be decrypted with the configured "
                            + "key-encryption key (wellbase.identity.key-encryption-key)",
                    e);
        }
    }
}
