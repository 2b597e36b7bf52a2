package io.wellbase.billing.internal.payments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a payment is. Card payments follow the provider's current state: pending (being sent), requires_action
 * (the client must confirm or authenticate), processing, then succeeded, failed or canceled. Succeeded and
 * canceled are final; a failed payment may still succeed when the client confirms again.
 */
public enum PaymentStatus {
    PENDING,
    REQUIRES_ACTION,
    PROCESSING,
    SUCCEEDED,
    FAILED,
    CANCELED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == CANCELED;
    }

    /** Whether the provider's state may move a payment from here to {@code next}: never back from a final one. */
    public boolean mayBecome(PaymentStatus next) {
        return !isFinal() || next == this;
    }
}
