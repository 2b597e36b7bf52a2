package io.wellbase.files.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes exports and reports older than {@code wellbase.files.generated-retention} (30 days by
 * default), bytes and all: they can be made again, and storage should not grow without end.
 * Uploads are never deleted by this job.
 */
@Component
public class GeneratedFilesCleanup {

    private final JdbcClient jdbc;
    private final FileRecords records;
    private final FileKeeper keeper;
    private final FilesProperties properties;

    GeneratedFilesCleanup(JdbcClient jdbc, FileRecords records, FileKeeper keeper, FilesProperties properties) {
        this.jdbc = jdbc;
        this.records = records;
        this.keeper = keeper;
        this.properties = properties;
    }

    /** Deletes one batch of expired generated files; answers how many. */
    public int deleteExpired() {
        Instant cutoff = Instant.now().minus(properties.generatedRetention());
        List<UUID[]> expired = jdbc.sql("""
                SELECT org_id, id FROM files
                WHERE purpose IN ('export', 'report') AND created_at < :cutoff
                ORDER BY created_at LIMIT 500
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
        expired.forEach(file -> records.find(file[0], file[1]).ifPresent(row -> keeper.forget(row, null)));
        return expired.size();
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {

        @Bean
        RecurringTask<Void> generatedFilesCleanupTask(GeneratedFilesCleanup cleanup) {
            return Tasks.recurring("generated-files-cleanup", FixedDelay.of(Duration.ofHours(1)))
                    .execute((instance, context) -> cleanup.deleteExpired());
        }
    }
}
