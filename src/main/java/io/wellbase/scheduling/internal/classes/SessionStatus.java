package io.wellbase.scheduling.internal.classes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a class session is, with the one move it may make: scheduled → cancelled. A cancelled session
 * never moves (a new one-off session is created instead). Stored and shown as the lower-case name.
 */
enum SessionStatus {
    SCHEDULED,
    CANCELLED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SessionStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status a client sent (a list filter), if it is one: exactly a stored value. */
    static Optional<SessionStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    boolean canBecome(SessionStatus next) {
        return switch (this) {
            case SCHEDULED -> next == CANCELLED;
            case CANCELLED -> false;
        };
    }

    /** The statuses a session may be in to become this one, as stored values (for the guarded UPDATE). */
    List<String> reachableFrom() {
        return Arrays.stream(values())
                .filter(s -> s.canBecome(this))
                .map(SessionStatus::value)
                .toList();
    }
}
