package io.wellbase.memberships.internal;

import io.wellbase.memberships.MembershipCreditsLow;
import io.wellbase.memberships.MembershipExpiring;
import io.wellbase.memberships.MembershipsProperties;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves memberships through their life for a given day. Idempotent: running it twice for the same
 * day changes nothing the second time (renewals key on the period, reminders on the end date).
 */
@Component
class MembershipLifecycle {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final MembershipsProperties properties;

    MembershipLifecycle(JdbcClient jdbc, ApplicationEventPublisher events, MembershipsProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
    }

    /** What one run changed. */
    record Outcome(int activated, int expired, int renewed, int reminded, int warnedLow) {}

    @Transactional
    Outcome runFor(LocalDate today) {
        int activated = jdbc.sql("""
                UPDATE client_memberships SET status = 'active', updated_at = now()
                WHERE status = 'pending' AND starts_on <= :today
                """).param("today", today).update();
        // freeze periods that begin or end today; a membership frozen without any freeze period (an
        // imported "Suspended" one) stays frozen until staff change it, and nothing else is touched
        jdbc.sql("""
                UPDATE client_memberships m SET status = s.next, updated_at = now()
                FROM (SELECT c.id, CASE WHEN EXISTS (
                            SELECT 1 FROM membership_freezes f WHERE f.org_id = c.org_id AND f.membership_id = c.id
                              AND :today BETWEEN f.starts_on AND f.ends_on) THEN 'frozen' ELSE 'active' END AS next
                      FROM client_memberships c
                      WHERE c.status IN ('active', 'frozen') AND c.ends_on >= :today
                        AND EXISTS (SELECT 1 FROM membership_freezes f WHERE f.org_id = c.org_id AND f.membership_id = c.id)
                     ) s
                WHERE m.id = s.id AND m.status <> s.next
                """).param("today", today).update();
        int renewed = renewSubscriptions(today);
        // credits of memberships that end now expire with them
        jdbc.sql("""
                INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, note)
                SELECT gen_random_uuid(), m.org_id, m.client_id, m.id, -b.balance, 'expiry', 'Expired with the membership'
                FROM client_memberships m
                JOIN LATERAL (SELECT coalesce(sum(delta), 0) AS balance FROM credit_ledger l
                              WHERE l.org_id = m.org_id AND l.membership_id = m.id) b ON b.balance > 0
                WHERE m.status IN ('active', 'frozen', 'pending') AND m.ends_on < :today
                """).param("today", today).update();
        int expired = jdbc.sql("""
                UPDATE client_memberships SET status = 'expired', updated_at = now()
                WHERE status IN ('active', 'frozen', 'pending') AND ends_on < :today
                """).param("today", today).update();
        int reminded = remind(today);
        int warnedLow = warnLowCredits(today);
        return new Outcome(activated, expired, renewed, reminded, warnedLow);
    }

    private int renewSubscriptions(LocalDate today) {
        var due = jdbc.sql("""
                SELECT m.id, m.org_id, m.client_id, m.ends_on, p.period_unit, p.period_count, p.price_amount, p.currency,
                       p.credits
                FROM client_memberships m JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
                WHERE m.status IN ('active', 'frozen') AND m.auto_renew AND NOT m.cancel_at_period_end
                  AND m.ends_on < :today
                FOR UPDATE OF m SKIP LOCKED
                """)
                .param("today", today)
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getObject("org_id", UUID.class),
                    rs.getObject("client_id", UUID.class),
                    rs.getObject("ends_on", LocalDate.class),
                    rs.getString("period_unit"),
                    rs.getInt("period_count"),
                    rs.getLong("price_amount"),
                    rs.getString("currency"),
                    rs.getObject("credits")
                })
                .list();
        for (Object[] m : due) {
            LocalDate end = (LocalDate) m[3];
            while (end.isBefore(today)) {
                LocalDate start = end.plusDays(1);
                end = Periods.end(start, (String) m[4], (Integer) m[5]);
                jdbc.sql("""
                        INSERT INTO membership_charges (id, org_id, membership_id, amount, currency, period_start, period_end)
                        VALUES (gen_random_uuid(), :org, :m, :amount, :currency, :start, :end)
                        ON CONFLICT (membership_id, period_start) DO NOTHING
                        """)
                        .param("org", m[1])
                        .param("m", m[0])
                        .param("amount", m[6])
                        .param("currency", m[7])
                        .param("start", start)
                        .param("end", end)
                        .update();
                if (m[8] != null) {
                    jdbc.sql("""
                            INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, note)
                            VALUES (gen_random_uuid(), :org, :client, :m, :credits, 'grant', 'Renewed')
                            """)
                            .param("org", m[1])
                            .param("client", m[2])
                            .param("m", m[0])
                            .param("credits", m[8])
                            .update();
                }
            }
            jdbc.sql(
                            "UPDATE client_memberships SET ends_on = :end, updated_at = now(), version = version + 1 WHERE id = :id")
                    .param("end", end)
                    .param("id", m[0])
                    .update();
        }
        return due.size();
    }

    /**
     * Class packs whose balance is at the threshold or below are warned once (MembershipCreditsLow); those
     * that rose above it since are armed again. Packs no bigger than the threshold (a single drop-in) are
     * never warned. One statement each, over the running packs only.
     */
    private int warnLowCredits(LocalDate today) {
        String balance = """
                (SELECT coalesce(sum(l.delta), 0) FROM credit_ledger l WHERE l.org_id = m.org_id AND l.membership_id = m.id)""";
        jdbc.sql("UPDATE client_memberships m SET credits_low_warned_at = NULL"
                        + " WHERE m.credits_low_warned_at IS NOT NULL AND " + balance + " > :threshold")
                .param("threshold", properties.creditsLowAt())
                .update();
        var low = jdbc.sql("""
                WITH low AS (
                    SELECT m.id, %s AS balance
                    FROM client_memberships m JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
                    WHERE p.credits > :threshold AND m.status IN ('active', 'frozen') AND m.ends_on >= :today
                      AND m.credits_low_warned_at IS NULL
                )
                UPDATE client_memberships m SET credits_low_warned_at = now()
                FROM low WHERE m.id = low.id AND low.balance <= :threshold
                RETURNING m.org_id, m.id, m.client_id, low.balance, m.credits_low_warned_at
                """.formatted(balance))
                .param("today", today)
                .param("threshold", properties.creditsLowAt())
                .query((rs, n) -> new MembershipCreditsLow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        low.forEach(events::publishEvent);
        return low.size();
    }

    private int remind(LocalDate today) {
        var expiring = jdbc.sql("""
                UPDATE client_memberships SET reminded_for_end = ends_on
                WHERE status IN ('active', 'frozen') AND (NOT auto_renew OR cancel_at_period_end)
                  AND ends_on BETWEEN :today AND :today + :days
                  AND reminded_for_end IS DISTINCT FROM ends_on
                RETURNING org_id, id, client_id, ends_on
                """)
                .param("today", today)
                .param("days", properties.remindDaysBeforeEnd())
                .query((rs, n) -> new MembershipExpiring(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, LocalDate.class)))
                .list();
        expiring.forEach(events::publishEvent);
        return expiring.size();
    }
}
