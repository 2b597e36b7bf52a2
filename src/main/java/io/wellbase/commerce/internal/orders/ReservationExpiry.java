package io.wellbase.commerce.internal.orders;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every minute, on one node (db-scheduler): placed orders left unpaid past their reservation let their stock go. */
@Configuration(proxyBeanMethods = false)
class ReservationExpiry {

    @Bean
    RecurringTask<Void> commerceReservationExpiry(OrderStore orders, OrderFlow flow, Clock clock) {
        return Tasks.recurring("commerce-reservation-expiry", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> expireDue(orders, flow, clock));
    }

    /** Expires every due order, a batch at a time; answers how many. */
    static int expireDue(OrderStore orders, OrderFlow flow, Clock clock) {
        int expired = 0;
        for (int round = 0; round < 50; round++) {
            var due = orders.expired(clock.instant(), 200);
            for (var o : due) {
                expired += flow.expire(o.orgId(), o.id()) ? 1 : 0;
            }
            if (due.size() < 200) {
                break;
            }
        }
        return expired;
    }
}
