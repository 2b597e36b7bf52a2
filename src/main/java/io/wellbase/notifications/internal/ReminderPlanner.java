package io.wellbase.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.wellbase.scheduling.BookedClasses;
import io.wellbase.scheduling.BookedClasses.BookedClass;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans the reminders of every upcoming class booking of an organization again, after its reminder offsets
 * changed: reminders at offsets no longer used are called off, the others planned page by page (1,000
 * bookings a statement, each page in its own transaction). Runs as a background job.
 */
@Component
class ReminderPlanner {

    static final int PAGE = 1000;
    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    private final BookedClasses bookedClasses;
    private final Reminders reminders;
    private final OrganizationNotificationSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReminderPlanner(
            BookedClasses bookedClasses,
            Reminders reminders,
            OrganizationNotificationSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.bookedClasses = bookedClasses;
        this.reminders = reminders;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Answers how many reminders were added or planned afresh. */
    int replanUpcoming(UUID orgId) {
        List<Integer> offsets = settings.of(orgId).reminderOffsets();
        Instant now = clock.instant();
        reminders.cancelOtherOffsets(orgId, offsets);
        int planned = 0;
        UUID after = null;
        long started = System.nanoTime();
        while (true) {
            @Nullable UUID from = after;
            List<BookedClass> page = bookedClasses.upcoming(orgId, now, from, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Integer added = transactions.execute(status -> reminders.planAll(
                    orgId, page.stream().map(Reminders.Planned::of).toList(), offsets, now));
            planned += added == null ? 0 : added;
            after = page.getLast().bookingId();
            if (page.size() < PAGE) {
                break;
            }
        }
        log.info(
                "reminders of organization {} planned again: {} in {} ms",
                orgId,
                planned,
                (System.nanoTime() - started) / 1_000_000);
        return planned;
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {

        @Bean
        OneTimeTask<Void> notificationReplanTask(ReminderPlanner planner) {
            return Tasks.oneTime("notification-replan")
                    .execute((instance, context) -> planner.replanUpcoming(UUID.fromString(instance.getId())));
        }
    }
}
