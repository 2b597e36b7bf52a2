package io.wellbase.billing.internal.dunning;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.billing.BillingProperties;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring renewal run (cluster-safe through db-scheduler): charge, retry, lapse. */
@Configuration(proxyBeanMethods = false)
class RenewalTasks {

    @Bean
    RecurringTask<Void> billingRenewalsTask(RenewalCharging charging, BillingProperties properties, Clock clock) {
        return Tasks.recurring("billing-renewals", FixedDelay.of(properties.jobInterval()))
                .execute((instance, context) -> charging.runFor(LocalDate.now(clock)));
    }
}
