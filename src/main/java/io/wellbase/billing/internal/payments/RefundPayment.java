package io.wellbase.billing.internal.payments;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.billing.PaymentRefunded;
import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.billing.internal.BillingRefusal.Reason;
import io.wellbase.billing.internal.invoices.Invoicing;
import io.wellbase.platform.data.Ids;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives back part or all of a payment. The payment row is locked for the whole refund, so concurrent refunds
 * queue behind each other and their sum never passes what was captured; the provider's refund is made inside that
 * transaction with the refund's own id as its idempotency key, and a provider that fails leaves nothing written.
 */
@Component
public class RefundPayment {

    private final PaymentStore payments;
    private final RefundStore refunds;
    private final PaymentProviders providers;
    private final Invoicing invoicing;
    private final io.wellbase.commerce.OrderPayments orders;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RefundPayment(
            PaymentStore payments,
            RefundStore refunds,
            PaymentProviders providers,
            Invoicing invoicing,
            io.wellbase.commerce.OrderPayments orders,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.providers = providers;
        this.invoicing = invoicing;
        this.orders = orders;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Refund refund(UUID org, UUID paymentId, long amount, @Nullable String reason, @Nullable UUID by) {
        Payment p = payments.locked(org, paymentId)
                .orElseThrow(() -> new BillingRefusal(Reason.NOT_FOUND, "No such payment"));
        if (p.state() != PaymentStatus.SUCCEEDED) {
            throw new BillingRefusal(Reason.NOT_REFUNDABLE, "Only a succeeded payment can be refunded");
        }
        if (amount > p.refundable()) {
            throw new BillingRefusal(
                    Reason.REFUND_EXCEEDS_CAPTURED,
                    "At most " + p.refundable() + " of this payment can still be refunded",
                    Map.of("refundable", p.refundable()));
        }
        UUID id = Ids.newId();
        refunds.insert(org, id, paymentId, amount, reason, "pending", null, "api", by);
        var done = providers.named(p.provider()).refund(org, p, amount, reason, "wb-refund-" + id);
        String status = switch (done.status()) {
            case "succeeded", "failed", "canceled" -> done.status();
            default -> "pending";
        };
        refunds.update(org, id, done.providerRefundId(), status);
        Refund refund = refunds.of(org, paymentId).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
        if (status.equals("succeeded")) {
            refunded(org, p, refund);
        }
        var entry = AuditRecord.of(
                org,
                "payment.refunded",
                "payment",
                paymentId,
                Map.of("refunded", new AuditChange(p.refunded(), p.refunded() + amount)));
        audit.record(by == null ? entry : entry.byActor(by));
        return refund;
    }

    /**
     * A refund that succeeded: recorded on the order the payment paid (money only), its credit note, and the news.
     * Called once per refund.
     */
    public void refunded(UUID org, Payment p, Refund refund) {
        if (p.orderId() != null) {
            orders.refunded(
                    org,
                    p.orderId(),
                    refund.amount(),
                    refund.reason() == null ? "Refund of the payment" : refund.reason(),
                    refund.createdBy());
        }
        invoicing.creditNoteFor(org, p, refund);
        events.publishEvent(new PaymentRefunded(
                org, p.id(), refund.id(), p.clientId(), refund.amount(), p.currency(), clock.instant()));
    }
}
