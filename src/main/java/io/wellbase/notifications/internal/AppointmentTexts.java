package io.wellbase.notifications.internal;

import io.wellbase.scheduling.BookedAppointments.BookedAppointment;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of appointment messages (English), with the service, its local time and place filled in. */
final class AppointmentTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private AppointmentTexts() {}

    static String when(BookedAppointment a, OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.of(a.timezone())).format(WHEN);
    }

    private static String where(BookedAppointment a) {
        return a.locationName().isBlank() ? "" : " at " + a.locationName();
    }

    static String bookedTitle(BookedAppointment a) {
        return "Booked: " + a.serviceName();
    }

    static String bookedBody(BookedAppointment a) {
        return "Your " + a.serviceName() + " is booked for " + when(a, a.startsAt()) + where(a) + ".";
    }

    static String rescheduledTitle(BookedAppointment a) {
        return "Moved: " + a.serviceName();
    }

    static String rescheduledBody(BookedAppointment a, OffsetDateTime oldStart) {
        return "Your " + a.serviceName() + " moved from " + when(a, oldStart) + " to " + when(a, a.startsAt())
                + where(a) + ".";
    }

    static String cancelledTitle(BookedAppointment a) {
        return "Cancelled: " + a.serviceName();
    }

    static String cancelledBody(BookedAppointment a) {
        return "Your " + a.serviceName() + " on " + when(a, a.startsAt()) + " is cancelled.";
    }

    static String reminderTitle(BookedAppointment a) {
        return "Reminder: " + a.serviceName() + " " + when(a, a.startsAt());
    }

    static String reminderBody(BookedAppointment a) {
        return "See you for your " + a.serviceName() + " on " + when(a, a.startsAt()) + where(a) + ".";
    }
}
