package io.wellbase.insights.internal.engagement;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engagement score: 0-100 from four parts, each against the studio's own norm so that a quiet studio's
 * regulars still score high. Frequency (40): visits in the last 90 days against the median of clients who
 * came in them. Recency (25): full on the day of a visit, none after 60 days without one. Tenure (15): full
 * after a year since the first visit. Spend (20): the last year's purchases against the median spender's. Where the
 * studio runs programs (care), program activity (10: eight modules completed in 90 days) joins them and the total of
 * 110 is scaled back to 100.
 * Computed in one statement for an organization (nightly) or one client (after a check-in).
 */
@Component
class EngagementScores {

    record Score(UUID clientId, int score, String parts) {}

    private final JdbcClient jdbc;

    EngagementScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Computes and stores the scores of the organization's clients (or of one); answers how many were written. */
    @Transactional
    int compute(UUID org, LocalDate today, @Nullable UUID client) {
        return jdbc.sql("""
                WITH visits AS (
                    SELECT b.client_id,
                           count(*) FILTER (WHERE cs.local_date > :today - 90) AS v90,
                           max(cs.local_date) AS last_day,
                           min(cs.local_date) AS first_day
                    FROM report_bookings b
                    JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                    WHERE b.org_id = :org AND cs.org_id = :org AND b.status = 'attended' AND cs.status = 'scheduled'
                      AND cs.local_date <= :today
                    GROUP BY b.client_id
                ), spend AS (
                    SELECT s.client_id, sum(si.total) AS total
                    FROM report_sales s
                    JOIN report_sale_items si ON si.org_id = s.org_id AND si.sale_id = s.id
                    WHERE s.org_id = :org AND si.org_id = :org AND s.sold_at > (:today - 365)::timestamp AT TIME ZONE 'UTC'
                    GROUP BY s.client_id
                ), program_activity AS (
                    SELECT client_id, count(*) AS done
                    FROM report_module_completions
                    WHERE org_id = :org AND completed_at > (:today - 90)::timestamp AT TIME ZONE 'UTC'
                    GROUP BY client_id
                ), runs_programs AS (
                    SELECT EXISTS (SELECT 1 FROM report_module_completions WHERE org_id = :org) AS yes
                ), norm AS (
                    SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v90) FROM visits WHERE v90 > 0) AS visits,
                           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total) FROM spend WHERE total > 0) AS spend
                ), parts AS (
                    SELECT c.id AS client_id,
                           40 * least(1, coalesce(v.v90, 0) / greatest(coalesce(n.visits, 1), 1)) AS frequency,
                           CASE WHEN v.last_day IS NULL THEN 0
                                ELSE 25 * greatest(0, 1 - (:today - v.last_day) / 60.0) END AS recency,
                           CASE WHEN v.first_day IS NULL THEN 0
                                ELSE 15 * least(1, (:today - v.first_day) / 365.0) END AS tenure,
                           20 * least(1, coalesce(sp.total, 0) / greatest(coalesce(n.spend, 1), 1)) AS spending,
                           CASE WHEN rp.yes THEN 10 * least(1, coalesce(pr.done, 0) / 8.0) END AS program,
                           CASE WHEN rp.yes THEN 100.0 / 110 ELSE 1 END AS scale,
                           coalesce(v.v90, 0) AS v90, n.visits AS norm_visits, (:today - v.last_day) AS days_since
                    FROM report_clients c
                    CROSS JOIN norm n
                    CROSS JOIN runs_programs rp
                    LEFT JOIN visits v ON v.client_id = c.id
                    LEFT JOIN spend sp ON sp.client_id = c.id
                    LEFT JOIN program_activity pr ON pr.client_id = c.id
                    WHERE c.org_id = :org AND c.merged_into_id IS NULL AND c.erased_at IS NULL
                      AND (CAST(:client AS uuid) IS NULL OR c.id = CAST(:client AS uuid))
                )
                INSERT INTO engagement_scores (org_id, client_id, score, parts, computed_at)
                SELECT :org, client_id, round((frequency + recency + tenure + spending + coalesce(program, 0)) * scale)::int,
                       jsonb_build_object(
                           'frequency', round(frequency::numeric, 1), 'recency', round(recency::numeric, 1),
                           'tenure', round(tenure::numeric, 1), 'spend', round(spending::numeric, 1),
                           'programs', round(program::numeric, 1),
                           'visitsLast90Days', v90, 'studioMedianVisits', round(coalesce(norm_visits, 0)::numeric, 1),
                           'daysSinceLastVisit', days_since),
                       now()
                FROM parts
                ON CONFLICT (org_id, client_id) DO UPDATE
                SET score = EXCLUDED.score, parts = EXCLUDED.parts, computed_at = EXCLUDED.computed_at
                """)
                .param("org", org)
                .param("today", today)
                .param("client", client)
                .update();
    }

    Optional<Score> find(UUID org, UUID client) {
        return jdbc.sql(
                        "SELECT client_id, score, parts::text AS parts FROM engagement_scores WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .query((rs, n) -> new Score(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    boolean clientExists(UUID org, UUID client) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM report_clients
                               WHERE org_id = :org AND id = :client AND merged_into_id IS NULL AND erased_at IS NULL)""")
                .param("org", org)
                .param("client", client)
                .query(Boolean.class)
                .single();
    }
}
