package io.wellbase.billing.internal.invoices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice or a credit note (kind), with its lines. Amounts include tax: {@code tax} is the part of
 * {@code total} at {@code taxRateBp} (basis points), {@code subtotal} the rest. A draft has no number yet.
 */
public record Invoice(
        UUID id,
        String kind,
        @Nullable String number,
        String status,
        @Nullable UUID clientId,
        @Nullable UUID paymentId,
        @Nullable UUID refundId,
        @Nullable UUID creditsInvoiceId,
        @Nullable UUID membershipChargeId,
        String currency,
        long subtotal,
        long tax,
        long total,
        int taxRateBp,
        @Nullable OffsetDateTime issuedAt,
        @Nullable OffsetDateTime paidAt,
        OffsetDateTime createdAt,
        List<Line> lines) {

    public record Line(String description, int quantity, long unitAmount, long total) {}

    /** The tax inside a tax-inclusive total, rounded half up to the minor unit. */
    static long taxIn(long total, int rateBp) {
        if (rateBp == 0) {
            return 0;
        }
        long net = Math.round(total * 10000.0 / (10000 + rateBp));
        return total - net;
    }
}
