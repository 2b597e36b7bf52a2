package io.wellbase.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.notifications.NotificationsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dispatcher as a db-scheduler task: it survives restarts and runs on one node at a time. Each run
 * turns due reminders into messages, then sends due messages, batch after batch until none is left
 * (at most a bounded number of batches, so one run cannot hold the task forever).
 */
@Configuration(proxyBeanMethods = false)
class NotificationTasks {

    static final int MAX_BATCHES_PER_RUN = 100;

    @Bean
    RecurringTask<Void> notificationDispatchTask(
            ReminderDispatch reminders, Dispatcher dispatcher, NotificationsProperties properties) {
        return Tasks.recurring("notification-dispatch", FixedDelay.of(properties.dispatchInterval()))
                .execute((instance, context) -> runOnce(reminders, dispatcher, properties.batchSize()));
    }

    static void runOnce(ReminderDispatch reminders, Dispatcher dispatcher, int batchSize) {
        for (int i = 0; i < MAX_BATCHES_PER_RUN && reminders.dispatchBatch() == batchSize; i++) {
            // more reminders are due
        }
        for (int i = 0; i < MAX_BATCHES_PER_RUN && dispatcher.dispatchBatch() == batchSize; i++) {
            // more messages are due
        }
    }
}
