package io.wellbase.notifications.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * A message on its way: queued (also while retrying), sent, logged (no provider is configured for its channel,
 * so it only went to the log and nobody received it), or failed after its last attempt.
 */
enum DeliveryStatus {
    QUEUED("queued"),
    SENT("sent"),
    LOGGED("logged"),
    FAILED("failed");

    private final String value;

    DeliveryStatus(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<DeliveryStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
