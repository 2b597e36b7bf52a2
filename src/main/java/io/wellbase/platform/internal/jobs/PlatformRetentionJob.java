package io.wellbase.platform.internal.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.platform.PlatformProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the platform's own bookkeeping from growing for ever, hourly: completed event publications
 * ({@code events.completed-retention}). Each module purges its own
 * tables the same way; docs/operations.md lists every period.
 */
@Configuration(proxyBeanMethods = false)
class PlatformRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(PlatformRetentionJob.class);

    @Bean
    RecurringTask<Void> platformRetentionTask(JdbcClient jdbc, PlatformProperties properties) {
        return Tasks.recurring("platform-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> purge(jdbc, properties));
    }

    static void purge(JdbcClient jdbc, PlatformProperties properties) {
        int events = jdbc.sql("""
                DELETE FROM event_publication
                WHERE completion_date IS NOT NULL AND completion_date < now() - make_interval(secs => :keep)
                """)
                .param("keep", properties.events().completedRetention().toSeconds())
                .update();
        if (events > 0) {
            log.info("Retention: {} completed event publications deleted", events);
        }
    }
}
