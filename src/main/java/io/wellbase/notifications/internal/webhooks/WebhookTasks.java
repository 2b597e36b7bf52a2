package io.wellbase.notifications.internal.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.notifications.NotificationsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook deliveries as a db-scheduler task: batch after batch of due deliveries, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class WebhookTasks {

    static final int MAX_BATCHES_PER_RUN = 20;

    @Bean
    RecurringTask<Void> webhookDispatchTask(WebhookDispatch dispatch, NotificationsProperties properties) {
        return Tasks.recurring("webhook-dispatch", FixedDelay.of(properties.dispatchInterval()))
                .execute((instance, context) -> {
                    for (int i = 0;
                            i < MAX_BATCHES_PER_RUN && dispatch.dispatchBatch() == properties.batchSize();
                            i++) {
                        // more deliveries are due
                    }
                });
    }
}
