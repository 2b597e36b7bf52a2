package io.wellbase.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.notifications.NotificationsProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the outbox from growing for ever, hourly: the bodies of handled account emails (with their reset and
 * invitation tokens, which expire within a week) are blanked after {@code secret-body-retention}, and handled
 * rows of every channel are deleted after {@code delivery-retention}. Queued rows are never touched.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetention {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

    @Bean
    RecurringTask<Void> notificationRetentionTask(Deliveries deliveries, NotificationsProperties properties) {
        return Tasks.recurring("notification-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> purge(deliveries, properties));
    }

    static void purge(Deliveries deliveries, NotificationsProperties properties) {
        int[] purged = deliveries.purge(properties.secretBodyRetention(), properties.deliveryRetention());
        if (purged[0] + purged[1] > 0) {
            log.info("Retention: {} account email bodies blanked, {} handled deliveries deleted", purged[0], purged[1]);
        }
    }
}
