package io.wellbase.notifications.internal;

import io.wellbase.notifications.NotificationsProperties;
import io.wellbase.scheduling.BookedClasses;
import io.wellbase.scheduling.BookedClasses.BookedClass;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due reminders into messages, a batch per transaction: only for a booking that still stands and a
 * class that has not started; otherwise the reminder is marked skipped. A reminder is a row, claimed by
 * one node at a time, so it is sent once even with many nodes.
 */
@Component
class ReminderDispatch {

    private final Reminders reminders;
    private final BookedClasses bookedClasses;
    private final Notifier notifier;
    private final TransactionTemplate transactions;
    private final NotificationsProperties properties;
    private final Clock clock;

    ReminderDispatch(
            Reminders reminders,
            BookedClasses bookedClasses,
            Notifier notifier,
            TransactionTemplate transactions,
            NotificationsProperties properties,
            Clock clock) {
        this.reminders = reminders;
        this.bookedClasses = bookedClasses;
        this.notifier = notifier;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** One batch; answers how many reminders it handled. */
    int dispatchBatch() {
        Integer handled = transactions.execute(status -> {
            Instant now = clock.instant();
            List<Reminders.Due> due = reminders.claimDue(now, properties.batchSize());
            Map<UUID, List<Reminders.Due>> byOrganization =
                    due.stream().collect(Collectors.groupingBy(Reminders.Due::orgId));
            byOrganization.forEach((orgId, ofOrganization) -> {
                Map<UUID, BookedClass> bookings = bookedClasses.find(
                        orgId,
                        ofOrganization.stream().map(Reminders.Due::bookingId).toList());
                for (Reminders.Due reminder : ofOrganization) {
                    BookedClass booking = bookings.get(reminder.bookingId());
                    boolean send = booking != null
                            && booking.stands()
                            && booking.startsAt().toInstant().isAfter(now);
                    if (send) {
                        notifier.tell(SchedulingNotifications.message(
                                orgId,
                                NotificationType.CLASS_REMINDER,
                                booking,
                                reminder.offsetMinutes() + "m",
                                Texts.reminderTitle(booking),
                                Texts.reminderBody(booking)));
                    }
                    reminders.done(reminder.id(), send, now);
                }
            });
            return due.size();
        });
        return handled == null ? 0 : handled;
    }
}
