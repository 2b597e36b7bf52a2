package io.wellbase.scheduling.internal.appointments;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an appointment is, with the moves it may make: pending → confirmed; pending or confirmed →
 * completed, no-show or cancelled. Completed, no-show and cancelled are final (a new appointment is
 * booked instead). Stored and shown as the lower-case name.
 */
enum AppointmentStatus {
    PENDING,
    CONFIRMED,
    COMPLETED,
    NO_SHOW,
    CANCELLED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AppointmentStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    static Optional<AppointmentStatus> parse(String value) {
        try {
            return Optional.of(of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the appointment still holds its time (it may be moved or cancelled). */
    boolean active() {
        return this == PENDING || this == CONFIRMED;
    }

    boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case CONFIRMED -> next == COMPLETED || next == NO_SHOW || next == CANCELLED;
            case COMPLETED, NO_SHOW, CANCELLED -> false;
        };
    }
}
