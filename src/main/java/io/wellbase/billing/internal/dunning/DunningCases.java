package io.wellbase.billing.internal.dunning;

import io.wellbase.billing.RenewalPaymentFailed;
import io.wellbase.billing.internal.BillingSettings;
import io.wellbase.memberships.MembershipCharges;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.PublicUrl;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Renewal charges the saved card did not pay, through the organization's policy: retried on the policy's days
 * after the first failure, then a grace period, then the membership lapses, never before the day after the last
 * paid period. A payment of the charge, by retry or otherwise, recovers the case.
 */
@Component
public class DunningCases {

    private final JdbcClient jdbc;
    private final BillingSettings settings;
    private final ApplicationEventPublisher events;
    private final PublicUrl urls;

    DunningCases(JdbcClient jdbc, BillingSettings settings, ApplicationEventPublisher events, PublicUrl urls) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.urls = urls;
    }

    /** An open case: what the job retries or lapses. */
    public record Case(
            UUID id,
            UUID orgId,
            UUID membershipChargeId,
            int attempts,
            LocalDate firstFailedOn,
            LocalDate paidThrough,
            String status) {}

    /** When the next retry is, or when the membership lapses after the last one. */
    public record Next(
            @Nullable LocalDate retryOn, @Nullable LocalDate lapsesOn) {}

    /**
     * The policy's answer after {@code attempts} failed attempts (the first charge counts as one): the next retry
     * day, or, after the last, the lapse day: grace days after today, but never on or before the last paid day.
     */
    static Next next(
            BillingSettings.Settings policy,
            LocalDate firstFailedOn,
            int attempts,
            LocalDate today,
            LocalDate paidThrough) {
        if (attempts - 1 < policy.retryDays().size()) {
            LocalDate retry = firstFailedOn.plusDays(policy.retryDays().get(attempts - 1));
            return new Next(retry.isBefore(today) ? today : retry, null);
        }
        LocalDate lapse = today.plusDays(policy.graceDays());
        LocalDate afterPaid = paidThrough.plusDays(1);
        return new Next(null, lapse.isBefore(afterPaid) ? afterPaid : lapse);
    }

    /** Records a failed attempt at the charge and tells the client; answers the case's next step. */
    public Next failed(
            UUID org, MembershipCharges.DueCharge charge, int attempt, @Nullable String code, LocalDate today) {
        var policy = settings.of(org);
        LocalDate paidThrough = charge.periodStart().minusDays(1);
        jdbc.sql("""
                INSERT INTO dunning_cases (id, org_id, membership_charge_id, membership_id, client_id, amount, currency,
                    status, attempts, first_failed_on, paid_through, last_failure_code)
                VALUES (:id, :org, :charge, :membership, :client, :amount, :currency, 'retrying', 0, :today, :paid, :code)
                ON CONFLICT (org_id, membership_charge_id) DO NOTHING
                """)
                .param("id", Ids.newId())
                .param("org", org)
                .param("charge", charge.chargeId())
                .param("membership", charge.membershipId())
                .param("client", charge.clientId())
                .param("amount", charge.amount())
                .param("currency", charge.currency())
                .param("today", today)
                .param("paid", paidThrough)
                .param("code", code)
                .update();
        LocalDate first = jdbc.sql("""
                        SELECT first_failed_on FROM dunning_cases WHERE org_id = :org AND membership_charge_id = :charge
                        """)
                .param("org", org)
                .param("charge", charge.chargeId())
                .query(LocalDate.class)
                .single();
        Next next = next(policy, first, attempt, today, paidThrough);
        jdbc.sql("""
                UPDATE dunning_cases SET attempts = :attempt, next_retry_on = :retry, lapses_on = :lapse,
                    status = CASE WHEN CAST(:retry AS date) IS NULL THEN 'grace' ELSE 'retrying' END,
                    last_failure_code = :code
                WHERE org_id = :org AND membership_charge_id = :charge AND status IN ('retrying', 'grace')
                """)
                .param("attempt", attempt)
                .param("retry", next.retryOn())
                .param("lapse", next.lapsesOn())
                .param("code", code)
                .param("org", org)
                .param("charge", charge.chargeId())
                .update();
        events.publishEvent(new RenewalPaymentFailed(
                org,
                charge.membershipId(),
                charge.clientId(),
                charge.amount(),
                charge.currency(),
                attempt,
                next.retryOn(),
                next.lapsesOn(),
                urls.app() + "/billing/card"));
        return next;
    }

    /** The charge was paid: an open case is recovered (by the retry job when {@code offSession}). */
    public void recovered(UUID org, UUID chargeId, LocalDate today, boolean offSession) {
        jdbc.sql("""
                UPDATE dunning_cases SET status = 'recovered', resolved_on = :today, next_retry_on = NULL,
                    lapses_on = NULL, recovered_by = :by
                WHERE org_id = :org AND membership_charge_id = :charge AND status IN ('retrying', 'grace')
                """)
                .param("today", today)
                .param("by", offSession ? "retry" : "payment")
                .param("org", org)
                .param("charge", chargeId)
                .update();
    }

    /** The client saved a new card: their open cases are retried at the next run. Answers how many. */
    public int cardUpdated(UUID org, UUID clientId) {
        return jdbc.sql("""
                UPDATE dunning_cases SET status = 'retrying', next_retry_on = first_failed_on, lapses_on = NULL
                WHERE org_id = :org AND client_id = :client AND status IN ('retrying', 'grace')
                """).param("org", org).param("client", clientId).update();
    }

    List<Case> retriesDue(LocalDate today) {
        return jdbc.sql("""
                SELECT id, org_id, membership_charge_id, attempts, first_failed_on, paid_through, status FROM dunning_cases
                WHERE status = 'retrying' AND next_retry_on <= :today ORDER BY next_retry_on, id LIMIT 500
                """)
                .param("today", today)
                .query(io.wellbase.platform.data.Rows.of(Case.class))
                .list();
    }

    List<Case> lapsesDue(LocalDate today) {
        return jdbc.sql("""
                SELECT id, org_id, membership_charge_id, attempts, first_failed_on, paid_through, status FROM dunning_cases
                WHERE status = 'grace' AND lapses_on <= :today ORDER BY lapses_on, id LIMIT 500
                """)
                .param("today", today)
                .query(io.wellbase.platform.data.Rows.of(Case.class))
                .list();
    }

    void lapsed(UUID id, LocalDate today) {
        jdbc.sql("UPDATE dunning_cases SET status = 'lapsed', resolved_on = :today WHERE id = :id AND status = 'grace'")
                .param("today", today)
                .param("id", id)
                .update();
    }

    boolean exists(UUID org, UUID chargeId) {
        return jdbc.sql("SELECT count(*) FROM dunning_cases WHERE org_id = :org AND membership_charge_id = :charge")
                        .param("org", org)
                        .param("charge", chargeId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
