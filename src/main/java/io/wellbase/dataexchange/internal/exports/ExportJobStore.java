package io.wellbase.dataexchange.internal.exports;

import io.wellbase.dataexchange.internal.JobEvents;
import io.wellbase.dataexchange.internal.JobRows;
import io.wellbase.dataexchange.internal.JobStatus;
import io.wellbase.files.DownloadLink;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The {@code exports} table of export jobs. */
@Repository
class ExportJobStore {

    private static final String SELECT = """
            SELECT id, org_id, type, format, filters, status, row_count, file_id, error, requested_by, created_at,
                   completed_at
            FROM exports
            """;

    /** What the job runner needs. */
    record Request(
            UUID id, UUID orgId, UUID userId, ExportType type, String format, ExportFilter filter, JobStatus status) {}

    private final JdbcClient jdbc;
    private final JobEvents jobEvents;
    private final ObjectMapper json;
    private final StoredFiles files;

    ExportJobStore(JdbcClient jdbc, ObjectMapper json, StoredFiles files, JobEvents jobEvents) {
        this.jdbc = jdbc;
        this.jobEvents = jobEvents;
        this.json = json;
        this.files = files;
    }

    void create(Request request) {
        jdbc.sql("""
                INSERT INTO exports (id, org_id, type, format, filters, requested_by)
                VALUES (:id, :org, :type, :format, :filters::jsonb, :by)
                """)
                .param("id", request.id())
                .param("org", request.orgId())
                .param("type", request.type().value())
                .param("format", request.format())
                .param("filters", json.writeValueAsString(request.filter().asMap()))
                .param("by", request.userId())
                .update();
    }

    Optional<Request> request(UUID id) {
        return jdbc.sql("SELECT id, org_id, requested_by, type, format, filters, status FROM exports WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Request(
                        rs.getObject("id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        rs.getObject("requested_by", UUID.class),
                        ExportType.of(rs.getString("type")).orElseThrow(),
                        rs.getString("format"),
                        ExportFilter.fromMap(filters(rs.getString("filters"))),
                        JobStatus.of(rs.getString("status"))))
                .optional();
    }

    /** Each move is guarded by the statuses it may come from ({@link JobStatus}): a finished job stays as it is. */
    void start(UUID id) {
        jdbc.sql("UPDATE exports SET status = 'processing', error = NULL WHERE id = :id AND status IN (:from)")
                .param("id", id)
                .param("from", JobStatus.PROCESSING.reachableFrom())
                .update();
    }

    @Transactional
    void complete(UUID id, long rows, UUID fileId) {
        if (jdbc.sql("""
                UPDATE exports SET status = 'completed', row_count = :rows, file_id = :file, completed_at = now()
                WHERE id = :id AND status IN (:from)
                """)
                        .param("id", id)
                        .param("rows", rows)
                        .param("file", fileId)
                        .param("from", JobStatus.COMPLETED.reachableFrom())
                        .update()
                == 1) {
            jobEvents.finished(JobEvents.Kind.EXPORT, id);
        }
    }

    @Transactional
    void fail(UUID id, String error) {
        if (JobRows.fail(jdbc, "exports", id, error) == 1) {
            jobEvents.finished(JobEvents.Kind.EXPORT, id);
        }
    }

    Optional<ExportJob> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(this::job)
                .optional();
    }

    PageResult<ExportJob> list(UUID orgId, PageQuery page) {
        return JobRows.newestFirst(jdbc, "exports", SELECT, orgId, page, this::job);
    }

    private ExportJob job(ResultSet rs, int n) throws SQLException {
        UUID fileId = rs.getObject("file_id", UUID.class);
        UUID orgId = rs.getObject("org_id", UUID.class);
        DownloadLink link = JobRows.link(files, orgId, fileId);
        return new ExportJob(
                rs.getObject("id", UUID.class),
                rs.getString("type"),
                rs.getString("format"),
                filters(rs.getString("filters")),
                rs.getString("status"),
                rs.getObject("row_count", Long.class),
                link == null ? null : link.url(),
                link == null ? null : link.expiresAt(),
                rs.getString("error"),
                rs.getObject("requested_by", UUID.class),
                JobRows.instant(rs.getTimestamp("created_at")),
                JobRows.instant(rs.getTimestamp("completed_at")));
    }

    private Map<String, Object> filters(String text) {
        return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    }
}
