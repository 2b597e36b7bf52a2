package io.wellbase.scheduling.internal.classes;

import java.util.Locale;

/**
 * Where a booking is, with the moves it may make: a waitlist place becomes a seat (confirmed) or is
 * cancelled; a seat is cancelled (in time, or late), attended (checked in) or a no-show. Cancelled,
 * late-cancelled, attended and no-show are final. Stored and shown as the lower-case name.
 */
enum BookingStatus {
    WAITLISTED,
    CONFIRMED,
    CANCELLED,
    LATE_CANCELLED,
    ATTENDED,
    NO_SHOW;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BookingStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether the booking still holds a seat or a waitlist place. */
    boolean active() {
        return this == WAITLISTED || this == CONFIRMED;
    }

    /** Whether the booking occupies one of the session's seats ({@code class_sessions.confirmed_count}). */
    boolean holdsSeat() {
        return this == CONFIRMED || this == ATTENDED || this == NO_SHOW;
    }

    /** The stored values of the statuses that hold a seat, as a SQL list: {@code 'confirmed', 'attended', 'no_show'}. */
    static String seatHoldingValues() {
        return java.util.Arrays.stream(values())
                .filter(BookingStatus::holdsSeat)
                .map(s -> "'" + s.value() + "'")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    boolean canBecome(BookingStatus next) {
        return switch (this) {
            case WAITLISTED -> next == CONFIRMED || next == CANCELLED;
            case CONFIRMED -> next == CANCELLED || next == LATE_CANCELLED || next == ATTENDED || next == NO_SHOW;
            case CANCELLED, LATE_CANCELLED, ATTENDED, NO_SHOW -> false;
        };
    }
}
