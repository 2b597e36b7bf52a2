package io.wellbase.files.internal;

import io.wellbase.files.FilePurpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for direct uploads that were announced and not confirmed yet. */
@Component
class PendingUploads {

    record Pending(
            UUID id,
            UUID orgId,
            UUID createdBy,
            @Nullable UUID clientId,
            FilePurpose purpose,
            String filename,
            String contentType,
            long size,
            String storage,
            String storageKey,
            Instant expiresAt) {}

    private static final String SELECT = """
            SELECT id, org_id, created_by, client_id, purpose, filename, content_type, size_bytes, storage,
                   storage_key, expires_at
            FROM pending_uploads
            """;

    private final JdbcClient jdbc;

    PendingUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Pending p) {
        jdbc.sql("""
                INSERT INTO pending_uploads (id, org_id, created_by, client_id, purpose, filename, content_type,
                                             size_bytes, storage, storage_key, expires_at)
                VALUES (:id, :org, :by, :client, :purpose, :filename, :type, :size, :storage, :key, :expires)
                """)
                .param("id", p.id())
                .param("org", p.orgId())
                .param("by", p.createdBy())
                .param("client", p.clientId())
                .param("purpose", p.purpose().value())
                .param("filename", p.filename())
                .param("type", p.contentType())
                .param("size", p.size())
                .param("storage", p.storage())
                .param("key", p.storageKey())
                .param("expires", java.sql.Timestamp.from(p.expiresAt()))
                .update();
    }

    Optional<Pending> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(PendingUploads::row)
                .optional();
    }

    /** Takes the upload for its confirmation: a second confirmation of the same upload waits, then finds none. */
    Optional<Pending> lock(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", orgId)
                .param("id", id)
                .query(PendingUploads::row)
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM pending_uploads WHERE id = :id").param("id", id).update();
    }

    /** Uploads whose URL expired before {@code before}, oldest first. */
    List<Pending> expiredBefore(Instant before, int limit) {
        return jdbc.sql(SELECT + " WHERE expires_at < :before ORDER BY expires_at LIMIT :limit")
                .param("before", java.sql.Timestamp.from(before))
                .param("limit", limit)
                .query(PendingUploads::row)
                .list();
    }

    private static Pending row(ResultSet rs, int n) throws SQLException {
        return new Pending(
                rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getObject("client_id", UUID.class),
                FilePurpose.of(rs.getString("purpose")).orElseThrow(),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("storage"),
                rs.getString("storage_key"),
                rs.getTimestamp("expires_at").toInstant());
    }
}
