package io.wellbase.identity.internal.apikeys;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Whether a key still opens the API. */
enum ApiKeyStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ApiKeyStatus of(@Nullable OffsetDateTime revokedAt, @Nullable OffsetDateTime expiresAt, OffsetDateTime now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? EXPIRED : ACTIVE;
    }
}
