package io.wellbase.notifications.internal;

import java.util.EnumSet;
import java.util.Set;

/** Each kind of message: its category and the channels it goes to unless the recipient switched them off. */
enum NotificationType {
    BOOKING_CONFIRMED("booking.confirmed", Category.BOOKINGS, EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    BOOKING_CANCELLED("booking.cancelled", Category.BOOKINGS, EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    WAITLIST_PROMOTED("waitlist.promoted", Category.WAITLIST, EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.PUSH)),
    WAITLIST_SEAT_AVAILABLE("waitlist.seat_available", Category.WAITLIST, EnumSet.of(Channel.IN_APP, Channel.PUSH)),
    SESSION_CANCELLED("session.cancelled", Category.BOOKINGS, EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.SMS)),
    CLASS_REMINDER("class.reminder", Category.REMINDERS, EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.PUSH));

    private final String value;
    private final Category category;
    private final Set<Channel> channels;

    NotificationType(String value, Category category, Set<Channel> channels) {
        this.value = value;
        this.category = category;
        this.channels = channels;
    }

    String value() {
        return value;
    }

    Category category() {
        return category;
    }

    Set<Channel> defaultChannels() {
        return channels;
    }
}
