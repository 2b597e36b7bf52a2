package io.wellbase.identity.internal.apikeys;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code api_keys} table. */
@Component
class ApiKeyStore {

    private static final String COLUMNS = """
            id, org_id, name, prefix, scopes, created_by, created_at, expires_at, revoked_at, revoked_by,
            last_used_at, last_used_ip""";

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ApiKey(
            UUID id,
            UUID orgId,
            String name,
            String prefix,
            List<String> scopes,
            UUID createdBy,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime expiresAt,
            @Nullable OffsetDateTime revokedAt,
            @Nullable UUID revokedBy,
            @Nullable OffsetDateTime lastUsedAt,
            @Nullable String lastUsedIp) {}

    void insert(ApiKey key, String hash) {
        jdbc.sql("""
                INSERT INTO api_keys (id, org_id, name, prefix, key_hash, scopes, created_by, created_at, expires_at)
                VALUES (:id, :org, :name, :prefix, :hash, :scopes, :by, :at, :expires)
                """)
                .param("id", key.id())
                .param("org", key.orgId())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("hash", hash)
                .param("scopes", key.scopes().toArray(String[]::new))
                .param("by", key.createdBy())
                .param("at", key.createdAt())
                .param("expires", key.expiresAt())
                .update();
    }

    Optional<ApiKey> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(ApiKeyStore::map)
                .optional();
    }

    Optional<ApiKey> findByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .param("hash", hash)
                .query(ApiKeyStore::map)
                .optional();
    }

    /** Newest first, {@code size + 1} rows (the last one says whether another page follows). */
    List<ApiKey> page(UUID orgId, @Nullable UUID before, int size) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM api_keys
                WHERE org_id = :org
                  AND (CAST(:before AS uuid) IS NULL OR id < :before)
                ORDER BY id DESC
                LIMIT :limit
                """)
                .param("org", orgId)
                .param("before", before)
                .param("limit", size + 1)
                .query(ApiKeyStore::map)
                .list();
    }

    /** Revokes a live key; false when it was revoked already. */
    boolean revoke(UUID orgId, UUID id, UUID by, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE api_keys SET revoked_at = :at, revoked_by = :by
                WHERE org_id = :org AND id = :id AND revoked_at IS NULL
                """)
                        .param("org", orgId)
                        .param("id", id)
                        .param("by", by)
                        .param("at", at)
                        .update()
                == 1;
    }

    /** Records a use; at most one write a minute per key and address, so reads stay reads. */
    void touch(UUID id, String ip, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE api_keys SET last_used_at = :at, last_used_ip = :ip
                WHERE id = :id
                  AND (last_used_at IS NULL OR last_used_at < :at - interval '1 minute'
                       OR last_used_ip IS DISTINCT FROM :ip)
                """).param("id", id).param("ip", ip).param("at", at).update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Array scopes = rs.getArray("scopes");
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getString("name"),
                rs.getString("prefix"),
                Arrays.asList((String[]) scopes.getArray()),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class),
                rs.getObject("revoked_by", UUID.class),
                rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getString("last_used_ip"));
    }
}
