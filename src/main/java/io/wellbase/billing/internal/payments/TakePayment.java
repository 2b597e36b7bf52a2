package io.wellbase.billing.internal.payments;

import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.billing.internal.BillingRefusal.Reason;
import io.wellbase.billing.internal.stripe.StripeCustomers;
import io.wellbase.platform.data.Ids;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one payment: for an order, for a membership's oldest due renewal, or for an amount. The payment row is
 * committed before the provider is called (so a crash in between leaves a pending payment that Stripe's webhook
 * completes, never a charge nobody knows of), the provider is called with a stable idempotency key, and its answer
 * is settled. At most one live payment per order or renewal charge, held by the database.
 */
@Component
public class TakePayment {

    /** The methods taken by hand; {@code card} goes through Stripe. */
    public static final Set<String> MANUAL_METHODS =
            Set.of("cash", "card_terminal", "bank_transfer", "complimentary", "other");

    private final PaymentStore payments;
    private final PaymentSettlement settlement;
    private final PaymentProviders providers;
    private final StripeCustomers customers;
    private final PaymentTargets targets;
    private final TransactionTemplate tx;

    TakePayment(
            PaymentStore payments,
            PaymentSettlement settlement,
            PaymentProviders providers,
            StripeCustomers customers,
            PaymentTargets targets,
            TransactionTemplate tx) {
        this.payments = payments;
        this.settlement = settlement;
        this.providers = providers;
        this.customers = customers;
        this.targets = targets;
        this.tx = tx;
    }

    /** What is paid for: exactly one of them. */
    public sealed interface Target {}

    public record ForOrder(UUID orderId) implements Target {}

    public record ForMembership(UUID membershipId) implements Target {}

    public record ForCharge(UUID chargeId) implements Target {}

    public record ForInvoice(UUID invoiceId) implements Target {}

    public record ForAmount(
            long amount,
            String currency,
            String description,
            @Nullable UUID clientId) implements Target {}

    /**
     * One request. {@code requestKey} is the caller's Idempotency-Key (already scoped to them) or the job's key;
     * {@code offSession} for renewals charged without the client present.
     */
    public record Request(
            UUID org,
            Target target,
            String method,
            @Nullable String paymentMethodId,
            @Nullable String requestKey,
            boolean offSession,
            @Nullable UUID by) {}

    public Payment take(Request r) {
        String providerName = r.method().equals("card") ? "stripe" : "manual";
        PaymentProvider provider = providers.named(providerName);
        Payment payment = r.requestKey() == null
                ? null
                : payments.byRequestKey(r.org(), r.requestKey()).orElse(null);
        if (payment != null && !"provider_unavailable".equals(payment.failureCode())) {
            return payment;
        }
        if (payment == null && providerName.equals("manual")) {
            return byHand(r, targets.resolve(r.org(), r.target()), provider);
        }
        if (payment == null) {
            PaymentTargets.Resolved what = targets.resolve(r.org(), r.target());
            if (providerName.equals("stripe")) {
                customers.requireConnected(r.org());
            }
            payment = open(r, what, providerName);
        }
        String key = "wb-" + (r.requestKey() == null ? "payment-" + payment.id() : r.requestKey());
        PaymentStore.ProviderState state;
        try {
            String customer = null;
            String method = r.paymentMethodId();
            if (providerName.equals("stripe") && payment.clientId() != null) {
                customer = customers.customerOf(r.org(), payment.clientId());
                if (method == null && r.offSession()) {
                    method = customers
                            .of(r.org(), payment.clientId())
                            .map(StripeCustomers.SavedCard::paymentMethodId)
                            .orElse(null);
                }
            }
            state = provider.charge(new PaymentProvider.Charge(
                    r.org(),
                    payment.id(),
                    payment.amount(),
                    payment.currency(),
                    payment.description(),
                    customer,
                    method,
                    r.offSession(),
                    key.length() > 255 ? key.substring(0, 255) : key,
                    metadata(payment)));
        } catch (BillingRefusal refused) {
            String code = refused.reason() == Reason.PROVIDER_UNAVAILABLE ? "provider_unavailable" : "provider_refused";
            settlement.settle(
                    r.org(),
                    payment.id(),
                    new PaymentStore.ProviderState(null, null, PaymentStatus.FAILED, 0, code, refused.getMessage()));
            throw refused;
        }
        return settlement.settle(r.org(), payment.id(), state).payment();
    }

    /**
     * A payment by hand in one transaction: nothing outside is called, so the row, its settlement, the order or
     * charge it pays and its invoice commit together (one commit instead of two).
     */
    private Payment byHand(Request r, PaymentTargets.Resolved what, PaymentProvider provider) {
        UUID id = Ids.newId();
        try {
            return tx.execute(s -> {
                payments.insert(newPayment(id, r, what, "manual"));
                var state = provider.charge(new PaymentProvider.Charge(
                        r.org(),
                        id,
                        what.amount(),
                        what.currency(),
                        what.description(),
                        null,
                        null,
                        false,
                        "",
                        Map.of()));
                return settlement.settle(r.org(), id, state).payment();
            });
        } catch (DuplicateKeyException taken) {
            return taken(r);
        }
    }

    private Payment open(Request r, PaymentTargets.Resolved what, String providerName) {
        UUID id = Ids.newId();
        try {
            tx.executeWithoutResult(s -> payments.insert(newPayment(id, r, what, providerName)));
        } catch (DuplicateKeyException taken) {
            return taken(r);
        }
        return payments.find(r.org(), id).orElseThrow();
    }

    /** The unique indexes refused a second payment: the first one of the same request, or a refusal. */
    private Payment taken(Request r) {
        if (r.requestKey() != null) {
            var first = payments.byRequestKey(r.org(), r.requestKey());
            if (first.isPresent()) {
                return first.get();
            }
        }
        throw new BillingRefusal(Reason.PAYMENT_IN_PROGRESS, "A payment for this is already pending or succeeded");
    }

    private static PaymentStore.NewPayment newPayment(
            UUID id, Request r, PaymentTargets.Resolved what, String providerName) {
        return new PaymentStore.NewPayment(
                id,
                r.org(),
                what.clientId(),
                what.orderId(),
                what.membershipId(),
                what.chargeId(),
                what.invoiceId(),
                what.description(),
                what.amount(),
                what.currency(),
                providerName,
                r.method(),
                r.offSession(),
                r.requestKey(),
                r.by());
    }

    private static Map<String, String> metadata(Payment p) {
        var m = new java.util.HashMap<String, String>();
        if (p.orderId() != null) {
            m.put("wellbase_order", p.orderId().toString());
        }
        if (p.membershipChargeId() != null) {
            m.put("wellbase_membership_charge", p.membershipChargeId().toString());
        }
        return m;
    }
}
