package io.wellbase.billing;

import java.util.UUID;

/** An invoice or credit note was issued to a client: notifications email it with a link to its PDF. */
public record InvoiceIssued(
        UUID organizationId,
        UUID invoiceId,
        UUID clientId,
        String kind,
        String number,
        long total,
        String currency,
        String pdfUrl) {}
