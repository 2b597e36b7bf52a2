package io.wellbase.billing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Part or all of a payment was given back ({@code amount} in minor units); the credit note is issued. */
public record PaymentRefunded(
        UUID organizationId,
        UUID paymentId,
        UUID refundId,
        @Nullable UUID clientId,
        long amount,
        String currency,
        Instant refundedAt) {}
