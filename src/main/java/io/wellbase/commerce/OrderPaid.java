package io.wellbase.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * An order was paid in full (recorded by hand until billing takes cards): revenue reports and insights count it
 * beside the memberships' sales. {@code total} in minor units of {@code currency}.
 */
public record OrderPaid(
        UUID organizationId,
        UUID orderId,
        UUID clientId,
        long total,
        String currency,
        String paymentMethod,
        Instant paidAt) {}
