package io.wellbase.billing.internal.payments;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A refund of a payment: taken through the API, or found at the provider (made in Stripe's dashboard). */
public record Refund(
        UUID id,
        UUID paymentId,
        long amount,
        @Nullable String reason,
        String status,
        @Nullable String providerRefundId,
        String origin,
        @Nullable UUID createdBy,
        OffsetDateTime createdAt) {}
