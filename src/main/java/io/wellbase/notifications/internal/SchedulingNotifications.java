package io.wellbase.notifications.internal;

import io.wellbase.notifications.internal.webhooks.WebhookEvents;
import io.wellbase.scheduling.BookedClasses;
import io.wellbase.scheduling.BookedClasses.BookedClass;
import io.wellbase.scheduling.SchedulingEvents;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What scheduling's events mean to the client: a message for each, and reminders planned or called
 * off. Each listener runs after the event's transaction, in its own, and is retried from the event
 * publication registry when it fails; the dedupe keys make a retry add nothing.
 */
@Component
class SchedulingNotifications {

    private final BookedClasses bookedClasses;
    private final Notifier notifier;
    private final Reminders reminders;
    private final OrganizationNotificationSettings settings;
    private final WebhookEvents webhooks;
    private final Clock clock;

    SchedulingNotifications(
            BookedClasses bookedClasses,
            Notifier notifier,
            Reminders reminders,
            OrganizationNotificationSettings settings,
            WebhookEvents webhooks,
            Clock clock) {
        this.webhooks = webhooks;
        this.bookedClasses = bookedClasses;
        this.notifier = notifier;
        this.reminders = reminders;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.BookingConfirmed event) {
        webhooks.on(event);
        booking(event.organizationId(), event.bookingId()).ifPresent(b -> {
            notifier.tell(message(event.organizationId(), NotificationType.BOOKING_CONFIRMED, b, "confirmed"));
            planReminders(event.organizationId(), b);
        });
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.WaitlistPromoted event) {
        webhooks.on(event);
        booking(event.organizationId(), event.bookingId()).ifPresent(b -> {
            notifier.tell(message(event.organizationId(), NotificationType.WAITLIST_PROMOTED, b, "promoted"));
            planReminders(event.organizationId(), b);
        });
    }

    /** A cancelled session cancels its bookings one by one: those clients hear that the session is off, once. */
    @ApplicationModuleListener
    void on(SchedulingEvents.BookingCancelled event) {
        webhooks.on(event);
        reminders.cancelFor(event.organizationId(), event.bookingId());
        booking(event.organizationId(), event.bookingId())
                .ifPresent(b -> notifier.tell(
                        b.sessionCancelled()
                                ? message(event.organizationId(), NotificationType.SESSION_CANCELLED, b, "cancelled")
                                : message(event.organizationId(), NotificationType.BOOKING_CANCELLED, b, "cancelled")));
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.SessionCancelled event) {
        webhooks.on(event);
        reminders.cancelForSession(event.organizationId(), event.sessionId());
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.WaitlistSeatAvailable event) {
        String occurrence = "seat:" + event.seatId();
        for (BookedClass b : bookedClasses.waitlistedOn(event.organizationId(), event.sessionId())) {
            notifier.tell(message(event.organizationId(), NotificationType.WAITLIST_SEAT_AVAILABLE, b, occurrence));
        }
    }

    private void planReminders(UUID orgId, BookedClass booking) {
        reminders.planAll(
                orgId,
                java.util.List.of(Reminders.Planned.of(booking)),
                settings.of(orgId).reminderOffsets(),
                clock.instant());
    }

    private Optional<BookedClass> booking(UUID orgId, UUID bookingId) {
        return Optional.ofNullable(
                bookedClasses.find(orgId, java.util.List.of(bookingId)).get(bookingId));
    }

    static Message message(UUID orgId, NotificationType type, BookedClass b, String occurrence) {
        return Message.of(orgId, type, b.clientId(), "booking", b.bookingId(), occurrence, values(b));
    }

    /** What a class's texts fill in: the class, its start on the location's clock, the place. */
    static java.util.Map<String, Object> values(BookedClass b) {
        return java.util.Map.of(
                "class", b.className(),
                "when", b.startsAt().atZoneSameInstant(java.time.ZoneId.of(b.timezone())),
                "place", b.locationName());
    }
}
