package io.wellbase.billing.internal.payments;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.billing.PaymentSucceeded;
import io.wellbase.billing.internal.dunning.DunningCases;
import io.wellbase.billing.internal.invoices.Invoicing;
import io.wellbase.commerce.OrderPayments;
import io.wellbase.memberships.MembershipCharges;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a provider's state to a payment, from the API's own call or from a webhook, whichever comes first:
 * the move happens once, and a payment that became succeeded marks what it paid (the order, the renewal charge),
 * closes a dunning case, issues its invoice and tells the rest of Wellbase, in the same transaction.
 */
@Component
public class PaymentSettlement {

    private final PaymentStore payments;
    private final OrderPayments orders;
    private final MembershipCharges charges;
    private final Invoicing invoicing;
    private final DunningCases dunning;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentSettlement(
            PaymentStore payments,
            OrderPayments orders,
            MembershipCharges charges,
            Invoicing invoicing,
            DunningCases dunning,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.charges = charges;
        this.invoicing = invoicing;
        this.dunning = dunning;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Answers the payment after the move; {@code succeededNow} when it became succeeded in this call. */
    public record Settled(Payment payment, boolean succeededNow) {}

    @Transactional
    public Settled settle(UUID org, UUID paymentId, PaymentStore.ProviderState state) {
        var at = clock.instant();
        boolean succeededNow = payments.apply(org, paymentId, state, at);
        Payment p = payments.find(org, paymentId).orElseThrow();
        if (succeededNow) {
            boolean applied = true;
            if (p.orderId() != null) {
                applied = orders.markPaid(org, p.orderId(), p.provider().equals("stripe") ? "card" : p.method());
            }
            if (p.membershipChargeId() != null) {
                applied = charges.collect(org, p.membershipChargeId());
                dunning.recovered(
                        org, p.membershipChargeId(), LocalDate.ofInstant(at, clock.getZone()), p.offSession());
            }
            invoicing.paidBy(org, p);
            audit.record(AuditRecord.of(
                    org,
                    applied ? "payment.succeeded" : "payment.succeeded_unapplied",
                    "payment",
                    p.id(),
                    Map.of(
                            "amount",
                            new AuditChange(null, p.captured()),
                            "status",
                            new AuditChange(null, p.status()))));
            events.publishEvent(new PaymentSucceeded(
                    org,
                    p.id(),
                    p.clientId(),
                    p.orderId(),
                    p.membershipId(),
                    p.captured(),
                    p.currency(),
                    p.method(),
                    at));
        }
        return new Settled(p, succeededNow);
    }
}
