package io.wellbase.dataexchange.internal.imports;

import io.wellbase.dataexchange.internal.JobEvents;
import io.wellbase.dataexchange.internal.JobRows;
import io.wellbase.dataexchange.internal.JobStatus;
import io.wellbase.platform.data.AfterCommit;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The {@code imports} table: each write commits at once so that pollers see progress. */
@Repository
class ImportJobStore {

    private static final String SELECT = """
            SELECT id, kind, status, phase, dry_run, file_id, filename, rows_total, rows_read, created, updated,
                   skipped, failed, warnings, mapping, detected, date_order, error, requested_by, created_at,
                   started_at, completed_at
            FROM imports
            """;

    private final JdbcClient jdbc;
    private final JobEvents jobEvents;
    private final ObjectMapper json;

    ImportJobStore(JdbcClient jdbc, ObjectMapper json, JobEvents jobEvents) {
        this.jdbc = jdbc;
        this.jobEvents = jobEvents;
        this.json = json;
    }

    /** What a runner needs to start: who asked, for what, with which mapping. */
    record Request(
            UUID id,
            UUID orgId,
            UUID userId,
            ImportKind kind,
            boolean dryRun,
            UUID fileId,
            Map<String, String> mapping,
            DateOrder dateOrder,
            JobStatus status,
            boolean cancelRequested) {}

    void create(Request request, String filename) {
        jdbc.sql("""
                INSERT INTO imports (id, org_id, kind, dry_run, file_id, filename, requested_mapping, date_order,
                                     requested_by)
                VALUES (:id, :org, :kind, :dry, :file, :filename, :mapping::jsonb, :order, :by)
                """)
                .param("id", request.id())
                .param("org", request.orgId())
                .param("kind", request.kind().value())
                .param("dry", request.dryRun())
                .param("file", request.fileId())
                .param("filename", filename)
                .param("mapping", json.writeValueAsString(request.mapping()))
                .param(
                        "order",
                        request.dateOrder() == null ? null : request.dateOrder().name())
                .param("by", request.userId())
                .update();
    }

    Optional<Request> request(UUID id) {
        return jdbc.sql("""
                SELECT id, org_id, requested_by, kind, dry_run, file_id, requested_mapping, date_order, status,
                       cancel_requested
                FROM imports WHERE id = :id
                """)
                .param("id", id)
                .query((rs, n) -> new Request(
                        rs.getObject("id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        rs.getObject("requested_by", UUID.class),
                        ImportKind.of(rs.getString("kind")).orElseThrow(),
                        rs.getBoolean("dry_run"),
                        rs.getObject("file_id", UUID.class),
                        json.readValue(rs.getString("requested_mapping"), new TypeReference<Map<String, String>>() {}),
                        rs.getString("date_order") == null ? null : DateOrder.valueOf(rs.getString("date_order")),
                        JobStatus.of(rs.getString("status")),
                        rs.getBoolean("cancel_requested")))
                .optional();
    }

    /** Marks the job started (again, after a crash) and forgets what an earlier attempt reported. */
    void start(UUID id) {
        jdbc.sql("DELETE FROM import_errors WHERE import_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("""
                UPDATE imports SET status = 'processing', phase = 'reading', attempts = attempts + 1,
                       started_at = now(), rows_read = 0, created = 0, updated = 0, skipped = 0, failed = 0,
                       warnings = 0, error = NULL
                WHERE id = :id AND status IN (:from)
                """)
                .param("id", id)
                .param("from", JobStatus.PROCESSING.reachableFrom())
                .update();
    }

    void describe(UUID id, long rowsTotal, ColumnMapping mapping, Map<String, Object> detected, DateOrder order) {
        jdbc.sql("""
                UPDATE imports SET rows_total = :total, mapping = :mapping::jsonb, detected = :detected::jsonb,
                       date_order = :order, phase = 'staging'
                WHERE id = :id
                """)
                .param("id", id)
                .param("total", rowsTotal)
                .param(
                        "mapping",
                        json.writeValueAsString(Map.of("columns", mapping.used(), "ignored", mapping.ignored())))
                .param("detected", json.writeValueAsString(detected))
                .param("order", order.name())
                .update();
    }

    /** Records progress and answers whether someone asked to cancel meanwhile. */
    boolean progress(UUID id, long rowsRead, String phase) {
        return jdbc.sql(
                        "UPDATE imports SET rows_read = :read, phase = :phase WHERE id = :id RETURNING cancel_requested")
                .param("id", id)
                .param("read", rowsRead)
                .param("phase", phase)
                .query(Boolean.class)
                .single();
    }

    /**
     * Ends the job, unless it already ended: the move is guarded by the statuses it may come from. The job's
     * end is published (JobFinished) with it.
     */
    @Transactional
    void finish(UUID id, JobStatus status, ImportCounts counts, String error) {
        if (!status.finished()) {
            throw new IllegalArgumentException(
                    "An import finishes completed, failed or cancelled, not " + status.value());
        }
        if (jdbc.sql("""
                UPDATE imports SET status = :status, phase = NULL, created = :created, updated = :updated,
                       skipped = :skipped, failed = :failed, warnings = :warnings, error = :error,
                       completed_at = now()
                WHERE id = :id AND status IN (:from)
                """)
                        .param("id", id)
                        .param("status", status.value())
                        .param("from", status.reachableFrom())
                        .param("created", counts.created())
                        .param("updated", counts.updated())
                        .param("skipped", counts.skipped())
                        .param("failed", counts.failed())
                        .param("warnings", counts.warnings())
                        .param("error", error)
                        .update()
                == 1) {
            jobEvents.finished(JobEvents.Kind.IMPORT, id);
        }
    }

    /**
     * True when the job was still queued or running and will now stop. A running import's statement is
     * stopped once this commits (the import's own session is found by its name), so a long merge step
     * does not run on after the cancel; the runner then rolls everything back.
     */
    boolean requestCancel(UUID orgId, UUID id) {
        boolean stopping = jdbc.sql("""
                UPDATE imports SET cancel_requested = true,
                       status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
                       completed_at = CASE WHEN status = 'queued' THEN now() ELSE completed_at END
                WHERE org_id = :org AND id = :id AND status IN ('queued', 'processing')
                """).param("org", orgId).param("id", id).update() == 1;
        if (stopping) {
            AfterCommit.run(() -> jdbc.sql("""
                    SELECT pg_cancel_backend(pid) FROM pg_stat_activity
                    WHERE application_name = :name AND state = 'active'
                    """)
                    .param("name", ImportConnections.applicationName(id))
                    .query((rs, n) -> 1)
                    .list());
        }
        return stopping;
    }

    Optional<ImportJob> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(this::job)
                .optional();
    }

    PageResult<ImportJob> list(UUID orgId, PageQuery page) {
        return JobRows.newestFirst(jdbc, "imports", SELECT, orgId, page, this::job);
    }

    private ImportJob job(ResultSet rs, int n) throws SQLException {
        Long total = rs.getObject("rows_total", Long.class);
        long read = rs.getLong("rows_read");
        String status = rs.getString("status");
        Double progress = status.equals("completed")
                ? Double.valueOf(1.0)
                : total == null || total == 0 ? Double.valueOf(0.0) : Math.min(0.99, read / (double) total);
        Map<String, Object> mapping = rs.getString("mapping") == null
                ? Map.of()
                : json.readValue(rs.getString("mapping"), new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, String> columns = (Map<String, String>) mapping.getOrDefault("columns", Map.of());
        @SuppressWarnings("unchecked")
        List<String> ignored = (List<String>) mapping.getOrDefault("ignored", List.of());
        Map<String, Object> detected = rs.getString("detected") == null
                ? null
                : json.readValue(rs.getString("detected"), new TypeReference<Map<String, Object>>() {});
        return new ImportJob(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                status,
                rs.getString("phase"),
                rs.getBoolean("dry_run"),
                rs.getObject("file_id", UUID.class),
                rs.getString("filename"),
                progress,
                new ImportJob.Counts(
                        total,
                        read,
                        rs.getLong("created"),
                        rs.getLong("updated"),
                        rs.getLong("skipped"),
                        rs.getLong("failed"),
                        rs.getLong("warnings")),
                columns,
                ignored,
                detected,
                rs.getString("date_order"),
                rs.getString("error"),
                rs.getObject("requested_by", UUID.class),
                JobRows.instant(rs.getTimestamp("created_at")),
                JobRows.instant(rs.getTimestamp("started_at")),
                JobRows.instant(rs.getTimestamp("completed_at")));
    }
}
