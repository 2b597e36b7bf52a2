package io.wellbase.notifications.internal;

import io.wellbase.memberships.MembershipExpiring;
import io.wellbase.notifications.internal.webhooks.WebhookEvents;
import io.wellbase.scheduling.BookedAppointments;
import io.wellbase.scheduling.BookedAppointments.BookedAppointment;
import io.wellbase.scheduling.SchedulingEvents;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appointments and memberships, told to the client: booked, moved (with its reminders planned again for
 * the new time), cancelled (with its reminders called off), and a membership about to end.
 */
@Component
class AppointmentNotifications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final BookedAppointments appointments;
    private final Notifier notifier;
    private final Reminders reminders;
    private final OrganizationNotificationSettings settings;
    private final WebhookEvents webhooks;
    private final Clock clock;

    AppointmentNotifications(
            BookedAppointments appointments,
            Notifier notifier,
            Reminders reminders,
            OrganizationNotificationSettings settings,
            WebhookEvents webhooks,
            Clock clock) {
        this.webhooks = webhooks;
        this.appointments = appointments;
        this.notifier = notifier;
        this.reminders = reminders;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.AppointmentBooked event) {
        webhooks.on(event);
        appointment(event.organizationId(), event.appointmentId()).ifPresent(a -> {
            notifier.tell(message(
                    event.organizationId(),
                    NotificationType.APPOINTMENT_BOOKED,
                    a,
                    "booked",
                    AppointmentTexts.bookedTitle(a),
                    AppointmentTexts.bookedBody(a)));
            plan(event.organizationId(), a);
        });
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.AppointmentRescheduled event) {
        webhooks.on(event);
        appointment(event.organizationId(), event.appointmentId()).ifPresent(a -> {
            notifier.tell(message(
                    event.organizationId(),
                    NotificationType.APPOINTMENT_RESCHEDULED,
                    a,
                    "moved@" + event.newStart().toEpochSecond(),
                    AppointmentTexts.rescheduledTitle(a),
                    AppointmentTexts.rescheduledBody(a, event.oldStart())));
            reminders.cancelFor(event.organizationId(), a.appointmentId());
            plan(event.organizationId(), a);
        });
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.AppointmentCancelled event) {
        webhooks.on(event);
        reminders.cancelFor(event.organizationId(), event.appointmentId());
        appointment(event.organizationId(), event.appointmentId())
                .ifPresent(a -> notifier.tell(message(
                        event.organizationId(),
                        NotificationType.APPOINTMENT_CANCELLED,
                        a,
                        "cancelled",
                        AppointmentTexts.cancelledTitle(a),
                        AppointmentTexts.cancelledBody(a))));
    }

    @ApplicationModuleListener
    void on(MembershipExpiring event) {
        notifier.tell(new Message(
                event.organizationId(),
                NotificationType.MEMBERSHIP_EXPIRING,
                event.clientId(),
                "membership",
                event.membershipId(),
                "ends:" + event.endsOn(),
                "Your membership ends on " + event.endsOn().format(DAY),
                "Your membership ends on " + event.endsOn().format(DAY)
                        + ". Renew it at the front desk or in the app to keep booking."));
    }

    private void plan(UUID orgId, BookedAppointment a) {
        if (!a.stands()) {
            return;
        }
        reminders.planAll(
                orgId,
                List.of(new Reminders.Planned(
                        Reminders.Kind.APPOINTMENT, a.appointmentId(), null, a.clientId(), a.startsAt(), a.timezone())),
                settings.of(orgId).reminderOffsets(),
                clock.instant());
    }

    private Optional<BookedAppointment> appointment(UUID orgId, UUID id) {
        return Optional.ofNullable(appointments.find(orgId, List.of(id)).get(id));
    }

    private static Message message(
            UUID orgId, NotificationType type, BookedAppointment a, String occurrence, String title, String body) {
        return new Message(orgId, type, a.clientId(), "appointment", a.appointmentId(), occurrence, title, body);
    }
}
