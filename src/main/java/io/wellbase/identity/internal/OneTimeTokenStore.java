package io.wellbase.identity.internal;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Secrets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use tokens for links sent by email. Consuming one is a single conditional update, so two
 * concurrent uses cannot both succeed.
 */
@Component
class OneTimeTokenStore {

    static final String PASSWORD_RESET = "password_reset";
    static final String EMAIL_VERIFICATION = "email_verification";

    private final JdbcClient jdbc;

    OneTimeTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String issue(UUID userId, String purpose, Duration ttl) {
        String token = Secrets.newToken();
        jdbc.sql("""
                INSERT INTO one_time_tokens (id, user_id, purpose, token_hash, expires_at)
                VALUES (:id, :user, :purpose, :hash, now() + make_interval(secs => :ttl))
                """)
                .param("id", Ids.newId())
                .param("user", userId)
                .param("purpose", purpose)
                .param("hash", Secrets.sha256(token))
                .param("ttl", ttl.toSeconds())
                .update();
        return token;
    }

    /** Spends a valid token and returns its user; empty when unknown, used or expired. */
    Optional<UUID> consume(String token, String purpose) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE one_time_tokens SET used_at = now()
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
                RETURNING user_id
                """)
                .param("hash", Secrets.sha256(token))
                .param("purpose", purpose)
                .query(UUID.class)
                .optional();
    }

    void invalidateOutstanding(UUID userId, String purpose) {
        jdbc.sql("UPDATE one_time_tokens SET used_at = now() WHERE user_id = :u AND purpose = :p AND used_at IS NULL")
                .param("u", userId)
                .param("p", purpose)
                .update();
    }
}
