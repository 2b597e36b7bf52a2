package io.wellbase.dataexchange.internal;

import io.wellbase.files.DownloadLink;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the import, export and report job tables share: their newest-first pages, file links and failing. */
public final class JobRows {

    private JobRows() {}

    /**
     * A page of an organization's jobs, newest first.
     *
     * @param select the SELECT of the job's columns, ending with its FROM clause (without WHERE)
     */
    public static <T> PageResult<T> newestFirst(
            JdbcClient jdbc, String table, String select, UUID orgId, PageQuery page, RowMapper<T> mapper) {
        long total = jdbc.sql("SELECT count(*) FROM " + table + " WHERE org_id = :org")
                .param("org", orgId)
                .query(Long.class)
                .single();
        List<T> data = jdbc.sql(
                        select + " WHERE org_id = :org ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("org", orgId)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(mapper)
                .list();
        return PageResult.of(data, page, total);
    }

    /**
     * Marks a job of the table failed with the error, unless it already finished ({@link JobStatus});
     * answers whether it did.
     */
    public static int fail(JdbcClient jdbc, String table, UUID id, String error) {
        return jdbc.sql("UPDATE " + table + " SET status = 'failed', error = :error, completed_at = now() "
                        + "WHERE id = :id AND status IN (:from)")
                .param("id", id)
                .param("error", error)
                .param("from", JobStatus.FAILED.reachableFrom())
                .update();
    }

    /** A fresh signed link to a job's file, or null while there is none (or it was deleted). */
    public static DownloadLink link(StoredFiles files, UUID orgId, UUID fileId) {
        return fileId == null
                ? null
                : files.find(orgId, fileId)
                        .map(f -> files.downloadLink(orgId, fileId))
                        .orElse(null);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
