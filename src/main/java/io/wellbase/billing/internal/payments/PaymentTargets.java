package io.wellbase.billing.internal.payments;

import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.billing.internal.BillingRefusal.Reason;
import io.wellbase.billing.internal.invoices.Invoicing;
import io.wellbase.billing.internal.payments.TakePayment.ForAmount;
import io.wellbase.billing.internal.payments.TakePayment.ForCharge;
import io.wellbase.billing.internal.payments.TakePayment.ForInvoice;
import io.wellbase.billing.internal.payments.TakePayment.ForMembership;
import io.wellbase.billing.internal.payments.TakePayment.ForOrder;
import io.wellbase.billing.internal.payments.TakePayment.Target;
import io.wellbase.commerce.OrderPayments;
import io.wellbase.memberships.MembershipCharges;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a payment is for, looked up in the module that owns it: an order waiting for payment, a membership's oldest
 * due renewal, a renewal charge still due, an open invoice, or an amount; refused when there is nothing to pay.
 */
@Component
class PaymentTargets {

    private final OrderPayments orders;
    private final MembershipCharges charges;
    private final Invoicing invoicing;

    PaymentTargets(OrderPayments orders, MembershipCharges charges, Invoicing invoicing) {
        this.orders = orders;
        this.charges = charges;
        this.invoicing = invoicing;
    }

    /** The payment's client, what it pays (at most one of order, charge, invoice), amount and description. */
    record Resolved(
            @Nullable UUID clientId,
            @Nullable UUID orderId,
            @Nullable UUID membershipId,
            @Nullable UUID chargeId,
            @Nullable UUID invoiceId,
            long amount,
            String currency,
            String description) {}

    Resolved resolve(UUID org, Target target) {
        return switch (target) {
            case ForOrder o -> {
                var order = orders.payable(org, o.orderId())
                        .orElseThrow(() -> new BillingRefusal(Reason.NOT_FOUND, "No such order"));
                if (!order.awaitingPayment()) {
                    throw new BillingRefusal(Reason.ORDER_NOT_PAYABLE, "Only a placed, unpaid order can be paid");
                }
                yield new Resolved(
                        order.clientId(),
                        order.orderId(),
                        null,
                        null,
                        null,
                        order.total(),
                        order.currency(),
                        "Order " + order.number());
            }
            case ForMembership m ->
                charge(charges.oldestDue(org, m.membershipId())
                        .orElseThrow(
                                () -> new BillingRefusal(Reason.NOTHING_DUE, "Nothing is due on this membership")));
            case ForCharge c -> {
                var due = charges.find(org, c.chargeId())
                        .orElseThrow(() -> new BillingRefusal(Reason.NOT_FOUND, "No such charge"));
                if (!due.due()) {
                    throw new BillingRefusal(Reason.NOTHING_DUE, "The renewal charge is no longer due");
                }
                yield charge(due);
            }
            case ForInvoice i -> {
                var invoice = invoicing
                        .payable(org, i.invoiceId())
                        .orElseThrow(() -> new BillingRefusal(Reason.NOT_FOUND, "No such invoice"));
                if (!invoice.status().equals("open")) {
                    throw new BillingRefusal(Reason.INVOICE_WRONG_STATUS, "Only an open invoice can be paid");
                }
                yield new Resolved(
                        invoice.clientId(),
                        null,
                        null,
                        invoice.membershipChargeId(),
                        invoice.id(),
                        invoice.total(),
                        invoice.currency(),
                        "Invoice " + invoice.number());
            }
            case ForAmount a ->
                new Resolved(a.clientId(), null, null, null, null, a.amount(), a.currency(), a.description());
        };
    }

    private static Resolved charge(MembershipCharges.DueCharge due) {
        return new Resolved(
                due.clientId(),
                null,
                due.membershipId(),
                due.chargeId(),
                null,
                due.amount(),
                due.currency(),
                due.planName() + " " + due.periodStart() + " – " + due.periodEnd());
    }
}
