package io.wellbase.insights.internal.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly: app events past their organization's retention are deleted, in batches so no lock is held long. */
@Configuration(proxyBeanMethods = false)
class EventRetentionJob {

    static final int BATCH = 10_000;

    @Bean
    RecurringTask<Void> analyticsEventRetention(EventStore events) {
        return Tasks.recurring("insights-event-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    for (int i = 0; i < 100 && events.deleteExpired(BATCH) == BATCH; i++) {
                        // keep going while whole batches were deleted
                    }
                });
    }
}
