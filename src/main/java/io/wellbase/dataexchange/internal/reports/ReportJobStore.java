package io.wellbase.dataexchange.internal.reports;

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

/** The {@code reports} table. */
@Repository
class ReportJobStore {

    private static final String SELECT = """
            SELECT id, org_id, report_type, format, filters, status, file_id, error, duration_ms, requested_by,
                   created_at, completed_at
            FROM reports
            """;

    /** What the runner needs to build a report. */
    record Request(
            UUID id,
            UUID orgId,
            UUID userId,
            ReportType type,
            String format,
            Map<String, Object> filters,
            JobStatus status) {}

    private final JdbcClient jdbc;
    private final JobEvents jobEvents;
    private final ObjectMapper json;
    private final StoredFiles files;

    ReportJobStore(JdbcClient jdbc, ObjectMapper json, StoredFiles files, JobEvents jobEvents) {
        this.jdbc = jdbc;
        this.jobEvents = jobEvents;
        this.json = json;
        this.files = files;
    }

    void create(Request request) {
        jdbc.sql("""
                INSERT INTO reports (id, org_id, report_type, format, filters, requested_by)
                VALUES (:id, :org, :type, :format, :filters::jsonb, :by)
                """)
                .param("id", request.id())
                .param("org", request.orgId())
                .param("type", request.type().value())
                .param("format", request.format())
                .param("filters", json.writeValueAsString(request.filters()))
                .param("by", request.userId())
                .update();
    }

    Optional<Request> request(UUID id) {
        return jdbc.sql(
                        "SELECT id, org_id, requested_by, report_type, format, filters, status FROM reports WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Request(
                        rs.getObject("id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        rs.getObject("requested_by", UUID.class),
                        ReportType.of(rs.getString("report_type")).orElseThrow(),
                        rs.getString("format"),
                        filters(rs.getString("filters")),
                        JobStatus.of(rs.getString("status"))))
                .optional();
    }

    /** Each move is guarded by the statuses it may come from ({@link JobStatus}): a finished report stays as it is. */
    @Transactional
    void complete(UUID id, UUID fileId, long millis) {
        if (jdbc.sql("""
                UPDATE reports SET status = 'completed', file_id = :file, duration_ms = :ms, completed_at = now()
                WHERE id = :id AND status IN (:from)
                """)
                        .param("id", id)
                        .param("file", fileId)
                        .param("ms", millis)
                        .param("from", JobStatus.COMPLETED.reachableFrom())
                        .update()
                == 1) {
            jobEvents.finished(JobEvents.Kind.REPORT, id);
        }
    }

    @Transactional
    void fail(UUID id, String error) {
        if (JobRows.fail(jdbc, "reports", id, error) == 1) {
            jobEvents.finished(JobEvents.Kind.REPORT, id);
        }
    }

    Optional<ReportJob> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(this::job)
                .optional();
    }

    PageResult<ReportJob> list(UUID orgId, PageQuery page) {
        return JobRows.newestFirst(jdbc, "reports", SELECT, orgId, page, this::job);
    }

    private ReportJob job(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID orgId = rs.getObject("org_id", UUID.class);
        UUID fileId = rs.getObject("file_id", UUID.class);
        DownloadLink link = JobRows.link(files, orgId, fileId);
        return new ReportJob(
                id,
                id,
                rs.getString("report_type"),
                rs.getString("format"),
                filters(rs.getString("filters")),
                rs.getString("status"),
                link == null ? null : link.url(),
                link == null ? null : link.expiresAt(),
                rs.getString("error"),
                rs.getObject("duration_ms", Long.class),
                rs.getObject("requested_by", UUID.class),
                JobRows.instant(rs.getTimestamp("created_at")),
                JobRows.instant(rs.getTimestamp("completed_at")));
    }

    private Map<String, Object> filters(String text) {
        return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    }
}
