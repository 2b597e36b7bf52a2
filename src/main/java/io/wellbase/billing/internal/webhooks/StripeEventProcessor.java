package io.wellbase.billing.internal.webhooks;

import io.wellbase.billing.internal.dunning.DunningCases;
import io.wellbase.billing.internal.payments.Payment;
import io.wellbase.billing.internal.payments.PaymentProvider;
import io.wellbase.billing.internal.payments.PaymentProviders;
import io.wellbase.billing.internal.payments.PaymentSettlement;
import io.wellbase.billing.internal.payments.PaymentStore;
import io.wellbase.billing.internal.stripe.StripeCustomers;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Acts on a Stripe event by reading the current state of the object it names, never the event's copy: a payment
 * takes the PaymentIntent's state now, refunds take Stripe's list now, a saved card the SetupIntent's. So the
 * order of arrival and repeats do not matter. Types it does not act on are stored and ignored.
 */
@Component
class StripeEventProcessor {

    private final PaymentStore payments;
    private final PaymentSettlement settlement;
    private final PaymentProvider stripe;
    private final RefundReconciliation refunds;
    private final StripeCustomers customers;
    private final DunningCases dunning;

    StripeEventProcessor(
            PaymentStore payments,
            PaymentSettlement settlement,
            PaymentProviders providers,
            RefundReconciliation refunds,
            StripeCustomers customers,
            DunningCases dunning) {
        this.payments = payments;
        this.settlement = settlement;
        this.stripe = providers.named("stripe");
        this.refunds = refunds;
        this.customers = customers;
        this.dunning = dunning;
    }

    String process(UUID org, StripeEvent e) {
        if (e.type().startsWith("payment_intent.")) {
            return payment(org, e)
                    .map(p -> {
                        var now = stripe.current(
                                org, p.providerPaymentId() == null ? e.objectId() : p.providerPaymentId());
                        if (now.isEmpty()) {
                            return "payment intent unknown at Stripe";
                        }
                        var settled = settlement.settle(org, p.id(), now.get());
                        return "payment " + settled.payment().status();
                    })
                    .orElse("no payment of this organization");
        }
        if (e.type().startsWith("charge.refund")
                || e.type().startsWith("refund.")
                || e.type().equals("charge.refunded")) {
            // a refund can arrive before the payment's own success: bring the payment up to date first
            return payment(org, e)
                    .filter(p -> p.providerPaymentId() != null)
                    .map(p -> {
                        stripe.current(org, p.providerPaymentId())
                                .ifPresent(now -> settlement.settle(org, p.id(), now));
                        return refunds.reconcile(org, payments.find(org, p.id()).orElseThrow());
                    })
                    .orElse("no payment of this organization");
        }
        if (e.type().equals("setup_intent.succeeded") && e.objectId() != null) {
            return customers
                    .learnSetup(org, e.objectId())
                    .map(client -> {
                        int retried = dunning.cardUpdated(org, client);
                        return "card saved" + (retried > 0 ? ", " + retried + " renewals to retry" : "");
                    })
                    .orElse("card unchanged");
        }
        return "ignored";
    }

    private Optional<Payment> payment(UUID org, StripeEvent e) {
        if (e.wellbasePayment() != null) {
            try {
                var byOurs = payments.find(org, UUID.fromString(e.wellbasePayment()));
                if (byOurs.isPresent()) {
                    return byOurs;
                }
            } catch (IllegalArgumentException notOurs) {
                // fall through to the PaymentIntent's id
            }
        }
        return e.paymentIntentId() == null ? Optional.empty() : payments.byProviderId(org, e.paymentIntentId());
    }
}
