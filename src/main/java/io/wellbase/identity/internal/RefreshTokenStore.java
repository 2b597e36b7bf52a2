package io.wellbase.identity.internal;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.data.Secrets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens, stored as digests. Each use spends the token and issues its successor in the same
 * family; a spent token presented again revokes the family (someone replayed a stolen token).
 */
@Component
class RefreshTokenStore {

    private final JdbcClient jdbc;
    private final SessionRights rights;

    RefreshTokenStore(JdbcClient jdbc, SessionRights rights) {
        this.jdbc = jdbc;
        this.rights = rights;
    }

    /** A refresh token row, locked for update when read for rotation. */
    record TokenRow(
            UUID id,
            UUID userId,
            UUID familyId,
            UUID orgId,
            OffsetDateTime expiresAt,
            OffsetDateTime spentAt,
            OffsetDateTime revokedAt) {}

    String issue(UUID userId, UUID familyId, UUID orgId, Duration ttl) {
        String token = Secrets.newToken();
        jdbc.sql("""
                INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, org_id, expires_at)
                VALUES (:id, :user, :family, :hash, :org, now() + make_interval(secs => :ttl))
                """)
                .param("id", Ids.newId())
                .param("user", userId)
                .param("family", familyId)
                .param("hash", Secrets.sha256(token))
                .param("org", orgId)
                .param("ttl", ttl.toSeconds())
                .update();
        return token;
    }

    Optional<TokenRow> findForUpdate(String token) {
        return jdbc.sql("""
                SELECT id, user_id, family_id, org_id, expires_at, spent_at, revoked_at
                FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE
                """)
                .param("hash", Secrets.sha256(token))
                .query(Rows.of(TokenRow.class))
                .optional();
    }

    void spend(UUID id) {
        jdbc.sql("UPDATE refresh_tokens SET spent_at = now() WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Ends one sign-in: its refresh tokens, and (within seconds) its access tokens. */
    void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :f AND revoked_at IS NULL")
                .param("f", familyId)
                .update();
        rights.sessionEnded(familyId);
    }

    /** Ends every sign-in of a user. */
    int revokeAll(UUID userId) {
        int revoked = jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :u AND revoked_at IS NULL")
                .param("u", userId)
                .update();
        rights.userChanged(userId);
        return revoked;
    }
}
