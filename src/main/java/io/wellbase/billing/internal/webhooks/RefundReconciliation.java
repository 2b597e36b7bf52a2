package io.wellbase.billing.internal.webhooks;

import com.stripe.exception.StripeException;
import com.stripe.param.RefundListParams;
import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.billing.internal.payments.Payment;
import io.wellbase.billing.internal.payments.PaymentStore;
import io.wellbase.billing.internal.payments.RefundPayment;
import io.wellbase.billing.internal.payments.RefundStore;
import io.wellbase.billing.internal.stripe.StripeClients;
import io.wellbase.platform.data.Ids;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a payment's refunds agree with Stripe's list of them: a refund made in Stripe's dashboard is added, a
 * status that moved is taken over, and each refund that became succeeded gets its credit note once.
 */
@Component
class RefundReconciliation {

    private final StripeClients clients;
    private final PaymentStore payments;
    private final RefundStore refunds;
    private final RefundPayment refunding;

    RefundReconciliation(StripeClients clients, PaymentStore payments, RefundStore refunds, RefundPayment refunding) {
        this.clients = clients;
        this.payments = payments;
        this.refunds = refunds;
        this.refunding = refunding;
    }

    @Transactional
    String reconcile(UUID org, Payment payment) {
        payments.locked(org, payment.id());
        com.stripe.model.StripeCollection<com.stripe.model.Refund> atStripe;
        try {
            atStripe = clients.of(org)
                    .v1()
                    .refunds()
                    .list(RefundListParams.builder()
                            .setPaymentIntent(payment.providerPaymentId())
                            .setLimit(100L)
                            .build());
        } catch (StripeException e) {
            throw new BillingRefusal(BillingRefusal.Reason.PROVIDER_UNAVAILABLE, "Stripe's refunds could not be read");
        }
        int changed = 0;
        for (var r : atStripe.getData()) {
            String status = r.getStatus() == null ? "pending" : r.getStatus();
            var known = refunds.byProviderId(org, r.getId());
            String before = known.map(io.wellbase.billing.internal.payments.Refund::status)
                    .orElse(null);
            if (known.isEmpty()) {
                refunds.insert(
                        org,
                        Ids.newId(),
                        payment.id(),
                        r.getAmount(),
                        "Refunded at Stripe",
                        status,
                        r.getId(),
                        "provider",
                        null);
            } else if (!status.equals(before)) {
                refunds.update(org, known.get().id(), null, status);
            }
            if (!status.equals(before)) {
                changed++;
                if (status.equals("succeeded")) {
                    var refund = refunds.byProviderId(org, r.getId()).orElseThrow();
                    refunding.refunded(org, payments.find(org, payment.id()).orElseThrow(), refund);
                }
            }
        }
        return changed == 0 ? "refunds unchanged" : changed + " refunds updated";
    }
}
