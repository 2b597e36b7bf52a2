package io.wellbase.notifications.internal;

import io.wellbase.scheduling.BookedClasses.BookedClass;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of each message (English), with the class, its local time and place filled in. */
final class Texts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private Texts() {}

    static String when(BookedClass booking) {
        return booking.startsAt()
                .atZoneSameInstant(ZoneId.of(booking.timezone()))
                .format(WHEN);
    }

    static String where(BookedClass booking) {
        return booking.locationName().isBlank() ? "" : " at " + booking.locationName();
    }

    static String bookingConfirmedTitle(BookedClass b) {
        return "Booked: " + b.className();
    }

    static String bookingConfirmedBody(BookedClass b) {
        return "Your place in " + b.className() + " on " + when(b) + where(b) + " is confirmed.";
    }

    static String bookingCancelledTitle(BookedClass b) {
        return "Cancelled: " + b.className();
    }

    static String bookingCancelledBody(BookedClass b, boolean late) {
        return "Your booking for " + b.className() + " on " + when(b) + " is cancelled"
                + (late ? " (inside the late-cancel window)." : ".");
    }

    static String sessionCancelledTitle(BookedClass b) {
        return b.className() + " on " + when(b) + " is cancelled";
    }

    static String sessionCancelledBody(BookedClass b) {
        return "The studio cancelled " + b.className() + " on " + when(b) + where(b)
                + ". Your booking is cancelled and any credit it used is given back.";
    }

    static String promotedTitle(BookedClass b) {
        return "You're in: " + b.className();
    }

    static String promotedBody(BookedClass b) {
        return "A place came free in " + b.className() + " on " + when(b) + where(b) + ": it is yours.";
    }

    static String seatAvailableTitle(BookedClass b) {
        return "A place is free in " + b.className();
    }

    static String seatAvailableBody(BookedClass b) {
        return "A place came free in " + b.className() + " on " + when(b) + ". Book it before someone else does.";
    }

    static String reminderTitle(BookedClass b) {
        return "Reminder: " + b.className() + " " + when(b);
    }

    static String reminderBody(BookedClass b) {
        return "See you at " + b.className() + " on " + when(b) + where(b) + ".";
    }
}
