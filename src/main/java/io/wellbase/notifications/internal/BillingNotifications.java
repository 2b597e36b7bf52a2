package io.wellbase.notifications.internal;

import io.wellbase.billing.InvoiceIssued;
import io.wellbase.billing.RenewalPaymentFailed;
import io.wellbase.platform.data.MinorUnits;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Billing, told to the client: a renewal the saved card did not pay (with the link to update the card, every
 * attempt once), and every invoice or credit note issued (with the link to its PDF).
 */
@Component
class BillingNotifications {

    private final Notifier notifier;

    BillingNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(RenewalPaymentFailed event) {
        String next = event.nextRetryOn() != null
                ? "We try again on " + event.nextRetryOn() + "."
                : "Your membership is paused on " + event.lapsesOn() + " unless it is paid.";
        notifier.tell(Message.of(
                event.organizationId(),
                NotificationType.RENEWAL_FAILED,
                event.clientId(),
                "membership",
                event.membershipId(),
                "renewal-failed:" + event.attempt() + ":" + event.nextRetryOn() + ":" + event.lapsesOn(),
                Map.of(
                        "amount", MinorUnits.format(event.amount(), event.currency()),
                        "attempt", event.attempt(),
                        "next", next,
                        "link", event.updateCardUrl())));
    }

    @ApplicationModuleListener
    void on(InvoiceIssued event) {
        notifier.tell(Message.of(
                event.organizationId(),
                NotificationType.INVOICE_ISSUED,
                event.clientId(),
                "invoice",
                event.invoiceId(),
                "issued",
                Map.of(
                        "kind", event.kind().equals("credit_note") ? "credit note" : "invoice",
                        "number", event.number(),
                        "amount", MinorUnits.format(event.total(), event.currency()),
                        "link", event.pdfUrl())));
    }
}
