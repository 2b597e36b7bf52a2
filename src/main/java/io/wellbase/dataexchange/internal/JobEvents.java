package io.wellbase.dataexchange.internal;

import io.wellbase.dataexchange.JobFinished;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Publishes {@link JobFinished} for a job row that has just ended, in the transaction that ended it. */
@Component
public class JobEvents {

    /** A job table and the column that says what the job was about. */
    public enum Kind {
        IMPORT("import", "imports", "kind"),
        EXPORT("export", "exports", "type"),
        REPORT("report", "reports", "report_type");

        private final String value;
        private final String table;
        private final String whatColumn;

        Kind(String value, String table, String whatColumn) {
            this.value = value;
            this.table = table;
            this.whatColumn = whatColumn;
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JobEvents(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Call after the statement that ended the job, in its transaction, when it changed the row. */
    public void finished(Kind kind, UUID jobId) {
        jdbc.sql("SELECT org_id, " + kind.whatColumn + " AS what, status, requested_by FROM " + kind.table
                        + " WHERE id = :id")
                .param("id", jobId)
                .query((rs, n) -> new JobFinished(
                        rs.getObject("org_id", UUID.class),
                        jobId,
                        kind.value,
                        rs.getString("what"),
                        rs.getString("status"),
                        rs.getObject("requested_by", UUID.class)))
                .optional()
                .ifPresent(events::publishEvent);
    }
}
