package io.wellbase.messaging.internal.support;

import java.util.Arrays;
import java.util.Optional;

/** How urgent a chat session is; the queue serves higher ranks first, then the longest waiting. */
enum Priority {
    LOW("low", 1),
    MEDIUM("medium", 2),
    HIGH("high", 3),
    EMERGENCY("emergency", 4);

    private final String value;
    private final int rank;

    Priority(String value, int rank) {
        this.value = value;
        this.rank = rank;
    }

    String value() {
        return value;
    }

    int rank() {
        return rank;
    }

    static Optional<Priority> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }
}
