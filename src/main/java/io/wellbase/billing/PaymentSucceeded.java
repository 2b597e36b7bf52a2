package io.wellbase.billing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money was captured: by hand or by the provider. {@code amount} in minor units of {@code currency}. Listeners
 * (notifications, insights) learn of it after commit; the order or renewal charge it paid is already marked.
 */
public record PaymentSucceeded(
        UUID organizationId,
        UUID paymentId,
        @Nullable UUID clientId,
        @Nullable UUID orderId,
        @Nullable UUID membershipId,
        long amount,
        String currency,
        String method,
        Instant succeededAt) {}
