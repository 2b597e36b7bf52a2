package io.wellbase.dataexchange.internal.imports;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hourly: deletes the row-level error reports of imports that ended longer ago than
 * {@code wellbase.dataexchange.imports.error-retention} (the job itself and its counts stay, and so do
 * the import keys that make a repeated file change nothing).
 */
@Configuration(proxyBeanMethods = false)
class ImportRetentionJob {

    @Bean
    RecurringTask<Void> importRetentionTask(JdbcClient jdbc, ImportsProperties properties) {
        return Tasks.recurring("import-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> purge(jdbc, properties.errorRetention()));
    }

    static int purge(JdbcClient jdbc, Duration retention) {
        return jdbc.sql("""
                DELETE FROM import_errors e USING imports i
                WHERE e.import_id = i.id AND i.completed_at < now() - make_interval(secs => :keep)
                """).param("keep", retention.toSeconds()).update();
    }
}
