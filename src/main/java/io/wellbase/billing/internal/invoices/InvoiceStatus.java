package io.wellbase.billing.internal.invoices;

import java.util.Locale;

/**
 * An invoice's life: draft (no number) → open (issued, owed) → paid; open → void (withdrawn) or uncollectible
 * (given up after dunning). A paid, void or uncollectible invoice never moves again; a paid one is corrected by
 * a credit note.
 */
enum InvoiceStatus {
    DRAFT,
    OPEN,
    PAID,
    VOID,
    UNCOLLECTIBLE;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InvoiceStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean canBecome(InvoiceStatus next) {
        return switch (this) {
            case DRAFT -> next == OPEN || next == VOID;
            case OPEN -> next == PAID || next == VOID || next == UNCOLLECTIBLE;
            case PAID, VOID, UNCOLLECTIBLE -> false;
        };
    }
}
