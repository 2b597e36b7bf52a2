package io.wellbase.notifications.internal;

import io.wellbase.notifications.internal.webhooks.WebhookEvents;
import io.wellbase.scheduling.BookedAppointments;
import io.wellbase.scheduling.BookedAppointments.BookedAppointment;
import io.wellbase.scheduling.SchedulingEvents;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appointments, told to the client: booked, moved (with its reminders planned again for the new time), and
 * cancelled (with its reminders called off).
 */
@Component
class AppointmentNotifications {

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
            notifier.tell(message(event.organizationId(), NotificationType.APPOINTMENT_BOOKED, a, "booked", null));
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
                    event.oldStart()));
            reminders.cancelFor(event.organizationId(), a.appointmentId());
            plan(event.organizationId(), a);
        });
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.AppointmentCancelled event) {
        webhooks.on(event);
        reminders.cancelFor(event.organizationId(), event.appointmentId());
        appointment(event.organizationId(), event.appointmentId())
                .ifPresent(a -> notifier.tell(
                        message(event.organizationId(), NotificationType.APPOINTMENT_CANCELLED, a, "cancelled", null)));
    }

    private void plan(UUID orgId, BookedAppointment a) {
        if (!a.stands()) {
            return;
        }
        OrganizationNotificationSettings.Settings own = settings.of(orgId);
        reminders.planAll(
                orgId,
                List.of(new Reminders.Planned(
                        Reminders.Kind.APPOINTMENT, a.appointmentId(), null, a.clientId(), a.startsAt(), a.timezone())),
                own.reminderOffsets(),
                clock.instant());
        if (own.followUpHours() != null) {
            reminders.planAll(
                    orgId,
                    List.of(new Reminders.Planned(
                            Reminders.Kind.FOLLOW_UP, a.appointmentId(), null, a.clientId(), a.endsAt(), a.timezone())),
                    List.of(own.followUpHours() * 60),
                    clock.instant());
        }
    }

    private Optional<BookedAppointment> appointment(UUID orgId, UUID id) {
        return Optional.ofNullable(appointments.find(orgId, List.of(id)).get(id));
    }

    static Message message(
            UUID orgId,
            NotificationType type,
            BookedAppointment a,
            String occurrence,
            @Nullable OffsetDateTime oldStart) {
        return Message.of(orgId, type, a.clientId(), "appointment", a.appointmentId(), occurrence, values(a, oldStart));
    }

    /** What an appointment's texts fill in: the service, its start (and old start) on the location's clock, the place. */
    static Map<String, Object> values(BookedAppointment a, @Nullable OffsetDateTime oldStart) {
        ZoneId zone = ZoneId.of(a.timezone());
        Map<String, Object> values = new HashMap<>();
        values.put("service", a.serviceName());
        values.put("when", a.startsAt().atZoneSameInstant(zone));
        values.put("place", a.locationName());
        if (oldStart != null) {
            values.put("oldWhen", oldStart.atZoneSameInstant(zone));
        }
        return values;
    }
}
