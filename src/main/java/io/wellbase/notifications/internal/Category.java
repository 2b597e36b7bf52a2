package io.wellbase.notifications.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a message is about, as a person switches it on or off. Critical categories (account security)
 * bypass preferences and quiet hours.
 */
enum Category {
    BOOKINGS("bookings", false),
    REMINDERS("reminders", false),
    WAITLIST("waitlist", false),
    MEMBERSHIPS("memberships", false),
    ANNOUNCEMENTS("announcements", false),
    /** New messages in a conversation while one was away. */
    MESSAGES("messages", false),
    /** The staff member's own imports, exports and reports. */
    JOBS("jobs", false),
    /** A client's own progress: achievements earned. */
    PROGRESS("progress", false),
    /** Stock running low at a location, for the staff who manage it. */
    INVENTORY("inventory", false),
    ACCOUNT("account", true),
    /** A counselor's emergency: a client in crisis is waiting. */
    EMERGENCY("emergency", true);

    private final String value;
    private final boolean critical;

    Category(String value, boolean critical) {
        this.value = value;
        this.critical = critical;
    }

    String value() {
        return value;
    }

    boolean critical() {
        return critical;
    }

    static Optional<Category> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
    }
}
