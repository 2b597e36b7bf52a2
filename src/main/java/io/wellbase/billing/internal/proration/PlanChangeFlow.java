package io.wellbase.billing.internal.proration;

import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.billing.internal.BillingRefusal.Reason;
import io.wellbase.billing.internal.invoices.Invoicing;
import io.wellbase.billing.internal.payments.Payment;
import io.wellbase.billing.internal.payments.PaymentStatus;
import io.wellbase.billing.internal.payments.TakePayment;
import io.wellbase.memberships.PlanChanges;
import io.wellbase.platform.data.Secrets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A change of plan in two steps: the preview prorates it (credit for the unused days of the old plan, charge for
 * the same days of the new one), the confirmation settles the difference (a payment, or a credit note owed to the
 * client) and only then moves the membership. A confirmation names the amount it saw; if it changed meanwhile it is
 * refused, and a repeat of the same change on the same day settles nothing twice.
 */
@Component
class PlanChangeFlow {

    private final PlanChanges plans;
    private final TakePayment take;
    private final Invoicing invoicing;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    PlanChangeFlow(
            PlanChanges plans,
            TakePayment take,
            Invoicing invoicing,
            org.springframework.transaction.support.TransactionTemplate tx) {
        this.plans = plans;
        this.take = take;
        this.invoicing = invoicing;
        this.tx = tx;
    }

    /** The change as it would be settled. */
    record Preview(
            UUID membershipId,
            UUID fromPlanId,
            String fromPlan,
            UUID toPlanId,
            String toPlan,
            String currency,
            Proration proration) {}

    /** A confirmed change: the payment taken, or the credit note owed, for the difference. */
    record Outcome(
            Preview preview,
            @Nullable Payment payment,
            @Nullable UUID creditNoteId) {}

    Preview preview(UUID org, UUID membershipId, UUID planId, LocalDate on) {
        var current = plans.current(org, membershipId)
                .orElseThrow(() -> new BillingRefusal(Reason.NOT_FOUND, "No running membership with this id"));
        var next = plans.plan(org, planId)
                .orElseThrow(() -> new BillingRefusal(Reason.PLAN_CHANGE_INVALID, "No such plan in this organization"));
        if (next.id().equals(current.plan().id())) {
            throw new BillingRefusal(Reason.PLAN_CHANGE_INVALID, "The membership is on this plan already");
        }
        if (!current.plan().periodic() || !next.periodic()) {
            throw new BillingRefusal(
                    Reason.PLAN_CHANGE_INVALID, "Only subscriptions and unlimited plans change with proration");
        }
        if (!next.currency().equals(current.plan().currency())) {
            throw new BillingRefusal(Reason.PLAN_CHANGE_INVALID, "The plans are priced in different currencies");
        }
        if (on.isBefore(current.periodStart()) || on.isAfter(current.periodEnd())) {
            throw new BillingRefusal(Reason.PLAN_CHANGE_INVALID, "The change day must fall in the current period");
        }
        return new Preview(
                membershipId,
                current.plan().id(),
                current.plan().name(),
                next.id(),
                next.name(),
                next.currency(),
                Proration.of(current.plan().price(), next.price(), current.periodStart(), current.periodEnd(), on));
    }

    Outcome confirm(
            UUID org,
            UUID membershipId,
            UUID planId,
            LocalDate on,
            @Nullable Long expectedDue,
            String method,
            @Nullable String paymentMethodId,
            UUID by) {
        Preview p = preview(org, membershipId, planId, on);
        long due = p.proration().due();
        if (expectedDue != null && expectedDue != due) {
            throw new BillingRefusal(
                    Reason.PRORATION_CHANGED,
                    "The amount due is " + due + ", not " + expectedDue + "; preview again",
                    Map.of("due", due));
        }
        UUID client = plans.current(org, membershipId).orElseThrow().clientId();
        String what = p.fromPlan() + " → " + p.toPlan() + ", " + p.proration().daysLeft() + " of "
                + p.proration().daysInPeriod() + " days from " + on;
        Payment payment = null;
        if (due > 0) {
            String key =
                    Secrets.sha256("plan-change\n" + membershipId + "\n" + p.fromPlanId() + "\n" + planId + "\n" + on);
            payment = take.take(new TakePayment.Request(
                    org,
                    new TakePayment.ForAmount(due, p.currency(), "Plan change " + what, client),
                    method,
                    paymentMethodId,
                    key,
                    false,
                    by));
            if (payment.state() != PaymentStatus.SUCCEEDED) {
                throw new BillingRefusal(
                        Reason.CARD_DECLINED,
                        "The difference could not be charged; the plan is unchanged",
                        Map.of("paymentId", payment.id()));
            }
        }
        // the credit note (emailed after commit) and the move of the plan, together
        UUID credit = tx.execute(s -> {
            UUID note = due < 0
                    ? invoicing.credit(org, client, p.currency(), "Unused time, plan change " + what, -due)
                    : null;
            plans.change(org, membershipId, planId, by);
            return note;
        });
        return new Outcome(p, payment, credit);
    }
}
