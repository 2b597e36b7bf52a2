package io.wellbase.identity.internal.apikeys;

import io.wellbase.platform.data.Secrets;

/**
 * The secret of an API key: {@code wbk_} and one of {@link Secrets#newToken()}'s 32 random bytes (base64url), shown
 * once. Only its SHA-256 (hex, as for the other single-use tokens) is stored;
 * a key has 256 bits of entropy, so a fast hash is as safe as a slow one and keeps every request cheap.
 */
final class ApiKeySecret {

    static final String SCHEME = "wbk_";
    private static final int PREFIX_LENGTH = SCHEME.length() + 8;

    private ApiKeySecret() {}

    static String generate() {
        return SCHEME + Secrets.newToken();
    }

    /** The start of a key that lists show so that people recognise it ({@code wbk_AbCd1234}). */
    static String prefixOf(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }

    static String hash(String key) {
        return Secrets.sha256(key);
    }
}
