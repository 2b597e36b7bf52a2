package io.wellbase.care.internal.treatments;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link FollowUps} every 15 minutes on one node (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class FollowUpsJob {

    @Bean
    RecurringTask<Void> consultationFollowUps(FollowUps followUps) {
        return Tasks.recurring("care-consultation-follow-ups", Schedules.fixedDelay(Duration.ofMinutes(15)))
                .execute((instance, context) -> followUps.tellDue());
    }
}
