package io.wellbase.platform.internal.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency keys are kept for 24 hours; a retry after that is a new request.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyCleanupJob {

    @Bean
    RecurringTask<Void> idempotencyCleanupTask(JdbcClient jdbc) {
        return Tasks.recurring("idempotency-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> jdbc.sql(
                                "DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'")
                        .update());
    }
}
