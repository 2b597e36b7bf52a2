package io.wellbase.notifications.internal;

import io.wellbase.notifications.NotificationsProperties;
import io.wellbase.scheduling.BookedAppointments;
import io.wellbase.scheduling.BookedAppointments.BookedAppointment;
import io.wellbase.scheduling.BookedClasses;
import io.wellbase.scheduling.BookedClasses.BookedClass;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due reminders into messages, a batch per transaction: only for a booking or appointment that
 * still stands and has not started; otherwise the reminder is marked skipped. A reminder is a row,
 * claimed by one node at a time, so it is sent once even with many nodes.
 */
@Component
class ReminderDispatch {

    private final Reminders reminders;
    private final BookedClasses bookedClasses;
    private final BookedAppointments appointments;
    private final Notifier notifier;
    private final TransactionTemplate transactions;
    private final NotificationsProperties properties;
    private final Clock clock;

    ReminderDispatch(
            Reminders reminders,
            BookedClasses bookedClasses,
            BookedAppointments appointments,
            Notifier notifier,
            TransactionTemplate transactions,
            NotificationsProperties properties,
            Clock clock) {
        this.reminders = reminders;
        this.bookedClasses = bookedClasses;
        this.appointments = appointments;
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
            byOrganization.forEach((orgId, ofOrganization) -> remind(orgId, ofOrganization, now));
            return due.size();
        });
        return handled == null ? 0 : handled;
    }

    private void remind(UUID orgId, List<Reminders.Due> due, Instant now) {
        Map<UUID, BookedClass> classes = bookedClasses.find(orgId, ids(due, Reminders.Kind.CLASS));
        List<UUID> appointmentIds = new java.util.ArrayList<>(ids(due, Reminders.Kind.APPOINTMENT));
        appointmentIds.addAll(ids(due, Reminders.Kind.FOLLOW_UP));
        Map<UUID, BookedAppointment> booked = appointments.find(orgId, appointmentIds);
        List<Message> messages = new java.util.ArrayList<>();
        List<UUID> sent = new java.util.ArrayList<>();
        List<UUID> skipped = new java.util.ArrayList<>();
        for (Reminders.Due reminder : due) {
            Message message = switch (reminder.kind()) {
                case CLASS -> classReminder(orgId, reminder, classes.get(reminder.entityId()), now);
                case APPOINTMENT -> appointmentReminder(orgId, reminder, booked.get(reminder.entityId()), now);
                case FOLLOW_UP -> followUp(orgId, reminder, booked.get(reminder.entityId()), now);
            };
            if (message != null) {
                messages.add(message);
                sent.add(reminder.id());
            } else {
                skipped.add(reminder.id());
            }
        }
        notifier.tellAll(messages);
        reminders.done(sent, true, now);
        reminders.done(skipped, false, now);
    }

    private static @Nullable Message classReminder(
            UUID orgId, Reminders.Due reminder, @Nullable BookedClass b, Instant now) {
        if (b == null || !b.stands() || !b.startsAt().toInstant().isAfter(now)) {
            return null;
        }
        return SchedulingNotifications.message(orgId, NotificationType.CLASS_REMINDER, b, reminder.occurrence());
    }

    private static @Nullable Message appointmentReminder(
            UUID orgId, Reminders.Due reminder, @Nullable BookedAppointment a, Instant now) {
        if (a == null || !a.stands() || !a.startsAt().toInstant().isAfter(now)) {
            return null;
        }
        return AppointmentNotifications.message(
                orgId, NotificationType.APPOINTMENT_REMINDER, a, reminder.occurrence(), null);
    }

    /** After the appointment took place: not for one cancelled or missed, nor before its end. */
    private static @Nullable Message followUp(
            UUID orgId, Reminders.Due reminder, @Nullable BookedAppointment a, Instant now) {
        boolean tookPlace = a != null
                && (a.status().equals("completed") || a.status().equals("confirmed"))
                && !a.endsAt().toInstant().isAfter(now);
        if (!tookPlace) {
            return null;
        }
        return AppointmentNotifications.message(
                orgId, NotificationType.APPOINTMENT_FOLLOW_UP, a, reminder.occurrence(), null);
    }

    private static List<UUID> ids(List<Reminders.Due> due, Reminders.Kind kind) {
        return due.stream()
                .filter(d -> d.kind() == kind)
                .map(Reminders.Due::entityId)
                .toList();
    }
}
