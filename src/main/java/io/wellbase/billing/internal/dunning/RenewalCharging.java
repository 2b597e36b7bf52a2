package io.wellbase.billing.internal.dunning;

import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.billing.internal.BillingSettings;
import io.wellbase.billing.internal.invoices.Invoicing;
import io.wellbase.billing.internal.payments.Payment;
import io.wellbase.billing.internal.payments.PaymentStatus;
import io.wellbase.billing.internal.payments.TakePayment;
import io.wellbase.billing.internal.stripe.StripeCustomers;
import io.wellbase.memberships.MembershipCharges;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The renewal run for a day: due renewal charges of clients with a saved card are charged off-session, failed
 * ones are retried on their dunning days, and those past their grace lapse. Each attempt has its own idempotency
 * key ({@code renewal-<charge>-<attempt>}), so a run repeated after a crash charges nobody twice.
 */
@Component
class RenewalCharging {

    private static final Logger log = LoggerFactory.getLogger(RenewalCharging.class);

    private final StripeCustomers customers;
    private final MembershipCharges charges;
    private final TakePayment take;
    private final DunningCases dunning;
    private final Invoicing invoicing;
    private final BillingSettings settings;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    RenewalCharging(
            StripeCustomers customers,
            MembershipCharges charges,
            TakePayment take,
            DunningCases dunning,
            Invoicing invoicing,
            BillingSettings settings,
            org.springframework.transaction.support.TransactionTemplate tx) {
        this.tx = tx;
        this.customers = customers;
        this.charges = charges;
        this.take = take;
        this.dunning = dunning;
        this.invoicing = invoicing;
        this.settings = settings;
    }

    /** What one run did. */
    record Outcome(int charged, int failed, int lapsed) {}

    Outcome runFor(LocalDate today) {
        int charged = 0;
        int failed = 0;
        for (UUID org : customers.organizationsWithSavedCards()) {
            var clients = customers.withSavedCard(org, 10_000);
            for (var charge : charges.dueFor(org, clients, today, 500)) {
                if (dunning.exists(org, charge.chargeId())) {
                    continue;
                }
                switch (attempt(org, charge, 1, today)) {
                    case SUCCEEDED -> charged++;
                    case FAILED -> failed++;
                    default -> {}
                }
            }
        }
        for (var c : dunning.retriesDue(today)) {
            var charge = charges.find(c.orgId(), c.membershipChargeId());
            if (charge.isEmpty() || !charge.get().due()) {
                dunning.recovered(c.orgId(), c.membershipChargeId(), today, false);
                continue;
            }
            switch (attempt(c.orgId(), charge.get(), c.attempts() + 1, today)) {
                case SUCCEEDED -> charged++;
                case FAILED -> failed++;
                default -> {}
            }
        }
        int lapsed = 0;
        for (var c : dunning.lapsesDue(today)) {
            var action = settings.of(c.orgId()).finalAction().equals("cancel")
                    ? MembershipCharges.Lapse.CANCEL
                    : MembershipCharges.Lapse.PAUSE;
            // one transaction a case: the membership, the invoice and the case move together
            tx.executeWithoutResult(s -> {
                charges.lapse(c.orgId(), c.membershipChargeId(), action);
                invoicing.uncollectible(c.orgId(), c.membershipChargeId());
                dunning.lapsed(c.id(), today);
            });
            lapsed++;
        }
        return new Outcome(charged, failed, lapsed);
    }

    private PaymentStatus attempt(UUID org, MembershipCharges.DueCharge charge, int attempt, LocalDate today) {
        try {
            Payment p = take.take(new TakePayment.Request(
                    org,
                    new TakePayment.ForCharge(charge.chargeId()),
                    "card",
                    null,
                    "renewal-" + charge.chargeId() + "-" + attempt,
                    true,
                    null));
            if (p.state() == PaymentStatus.FAILED || p.state() == PaymentStatus.REQUIRES_ACTION) {
                // in a transaction, so that the client's notice and the invoice's email leave after it commits
                tx.executeWithoutResult(s -> {
                    dunning.failed(org, charge, attempt, p.failureCode(), today);
                    invoicing.openFor(org, charge);
                });
                return PaymentStatus.FAILED;
            }
            return p.state();
        } catch (BillingRefusal refused) {
            // Stripe unreachable or a payment already running: the next run tries again with the same key
            log.info("Renewal charge {} not attempted: {}", charge.chargeId(), refused.getMessage());
            return PaymentStatus.PENDING;
        }
    }
}
