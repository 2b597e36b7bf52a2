package io.wellbase.memberships.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.memberships.MembershipsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring membership job: activate, freeze and thaw, expire (with remaining credits), renew
 * subscriptions, and remind before expiry. Each step is one set-based statement, safe to repeat.
 */
@Configuration(proxyBeanMethods = false)
class MembershipRecurringTasks {

    @Bean
    RecurringTask<Void> membershipLifecycleTask(MembershipLifecycle lifecycle, MembershipsProperties properties) {
        return Tasks.recurring("membership-lifecycle", FixedDelay.of(properties.jobInterval()))
                .execute((instance, context) -> lifecycle.runFor(java.time.LocalDate.now()));
    }
}
