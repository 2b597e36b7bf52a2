package io.wellbase.billing.internal.payments;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A payment as the API shows it. {@code captured} is what the provider holds, {@code refunded} what went back;
 * {@code clientSecret} is for the front end to confirm a card payment with Stripe.js, shown to staff and the
 * paying client only while the payment waits for them.
 */
public record Payment(
        UUID id,
        @Nullable UUID clientId,
        @Nullable UUID orderId,
        @Nullable UUID membershipId,
        @Nullable UUID membershipChargeId,
        @Nullable UUID invoiceId,
        String description,
        long amount,
        String currency,
        long captured,
        long refunded,
        String provider,
        String method,
        String status,
        @Nullable String providerPaymentId,
        @Nullable String clientSecret,
        @Nullable String failureCode,
        @Nullable String failureMessage,
        boolean offSession,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime succeededAt) {

    public PaymentStatus state() {
        return PaymentStatus.of(status).orElseThrow();
    }

    public long refundable() {
        return captured - refunded;
    }
}
