package io.wellbase.care.internal.treatments;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** A treatment plan's state: drafted, under way, then completed or cancelled (both final). */
enum TreatmentStatus {
    DRAFT("draft"),
    ACTIVE("active"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String value;

    TreatmentStatus(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<TreatmentStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    boolean canBecome(TreatmentStatus next) {
        return next == this
                || switch (this) {
                    case DRAFT -> Set.of(ACTIVE, CANCELLED).contains(next);
                    case ACTIVE -> Set.of(COMPLETED, CANCELLED).contains(next);
                    case COMPLETED, CANCELLED -> false;
                };
    }
}
