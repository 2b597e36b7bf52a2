package io.wellbase.billing;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A membership's renewal could not be charged to the saved card. The client is told, with a link to update
 * the card; {@code nextRetryOn} is empty after the last retry, when the membership lapses on {@code lapsesOn}.
 */
public record RenewalPaymentFailed(
        UUID organizationId,
        UUID membershipId,
        UUID clientId,
        long amount,
        String currency,
        int attempt,
        @Nullable LocalDate nextRetryOn,
        @Nullable LocalDate lapsesOn,
        String updateCardUrl) {}
