package io.wellbase.platform.internal.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Resubmits event publications whose listener failed (or whose node died) once they are older than
 * {@code wellbase.platform.events.retry-after}. Runs on one worker at a time through db-scheduler.
 */
@Configuration(proxyBeanMethods = false)
class EventRetryJob {

    @Bean
    RecurringTask<Void> eventRetryTask(IncompleteEventPublications incomplete, PlatformProperties properties) {
        PlatformProperties.Events events = properties.events();
        return Tasks.recurring("event-publication-retry", FixedDelay.of(events.retryInterval()))
                .execute(
                        (instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(events.retryAfter()));
    }
}
