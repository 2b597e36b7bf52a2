package io.wellbase.files.internal;

import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code files} index: one row per kept file, always read within one organization. */
@Repository
public class FileRecords {

    /** A file's metadata with where its bytes are. */
    public record Row(StoredFile file, String storage, String storageKey) {}

    private static final String SELECT = """
            SELECT id, org_id, purpose, filename, content_type, size_bytes, sha256, created_by, created_at,
                   storage, storage_key, client_id
            FROM files
            """;

    private final JdbcClient jdbc;

    FileRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredFile file, String storage, String storageKey) {
        jdbc.sql("""
                INSERT INTO files (id, org_id, purpose, filename, content_type, size_bytes, sha256, storage,
                                   storage_key, created_by, created_at, client_id)
                VALUES (:id, :org, :purpose, :filename, :type, :size, :sha, :storage, :key, :by, :at, :client)
                """)
                .param("id", file.id())
                .param("org", file.organizationId())
                .param("purpose", file.purpose().value())
                .param("filename", file.filename())
                .param("type", file.contentType())
                .param("size", file.size())
                .param("sha", file.sha256())
                .param("storage", storage)
                .param("key", storageKey)
                .param("by", file.createdBy())
                .param("at", java.sql.Timestamp.from(file.createdAt()))
                .param("client", file.clientId())
                .update();
    }

    public Optional<Row> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(FileRecords::row)
                .optional();
    }

    /** For signed links, whose signature already names the file. */
    Optional<Row> findById(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(FileRecords::row)
                .optional();
    }

    /** Every file of one client (to delete them when the client is erased). */
    List<Row> ofClient(UUID orgId, UUID clientId) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND client_id = :client")
                .param("org", orgId)
                .param("client", clientId)
                .query(FileRecords::row)
                .list();
    }

    void moveToClient(UUID orgId, UUID from, UUID to) {
        jdbc.sql("UPDATE files SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", orgId)
                .param("from", from)
                .param("to", to)
                .update();
    }

    boolean delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM files WHERE org_id = :org AND id = :id")
                        .param("org", orgId)
                        .param("id", id)
                        .update()
                == 1;
    }

    PageResult<StoredFile> list(UUID orgId, FilePurpose purpose, UUID clientId, PageQuery page) {
        String where = " WHERE org_id = :org" + (purpose == null ? "" : " AND purpose = :purpose")
                + (clientId == null ? "" : " AND client_id = :client");
        long total = jdbc.sql("SELECT count(*) FROM files" + where)
                .param("org", orgId)
                .param("purpose", purpose == null ? null : purpose.value())
                .param("client", clientId)
                .query(Long.class)
                .single();
        List<StoredFile> data = jdbc.sql(
                        SELECT + where + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("org", orgId)
                .param("purpose", purpose == null ? null : purpose.value())
                .param("client", clientId)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, n) -> row(rs, n).file())
                .list();
        return PageResult.of(data, page, total);
    }

    /** One client's files of the given purposes, newest first. */
    PageResult<StoredFile> ofClient(
            UUID orgId, UUID clientId, java.util.Collection<FilePurpose> purposes, PageQuery page) {
        List<String> kinds = purposes.stream().map(FilePurpose::value).sorted().toList();
        String where = """
                 WHERE org_id = :org
                   AND client_id = :client
                   AND purpose IN (:purposes)
                """;
        long total = jdbc.sql("SELECT count(*) FROM files" + where)
                .param("org", orgId)
                .param("client", clientId)
                .param("purposes", kinds)
                .query(Long.class)
                .single();
        List<StoredFile> data = jdbc.sql(
                        SELECT + where + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("org", orgId)
                .param("client", clientId)
                .param("purposes", kinds)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, n) -> row(rs, n).file())
                .list();
        return PageResult.of(data, page, total);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        StoredFile file = new StoredFile(
                rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class),
                FilePurpose.of(rs.getString("purpose")).orElseThrow(),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("client_id", UUID.class));
        return new Row(file, rs.getString("storage"), rs.getString("storage_key"));
    }
}
