package io.wellbase.insights.internal.churn;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every client's features as of each of a set of days, in one statement over the published views: clients
 * who came at least once in the 60 days before the day (the ones who can still leave), their visits, late
 * cancels and no-shows before it, the membership they held on it, the credits their pack had left, and the
 * messages they wrote to the studio in the 90 days before it.
 */
@Component
class FeatureQuery {

    private final JdbcClient jdbc;

    FeatureQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Features> asOf(UUID org, List<LocalDate> days) {
        LocalDate firstDay = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate earliest = firstDay.minusDays(365);
        LocalDate latest = days.stream().max(LocalDate::compareTo).orElseThrow().plusDays(30);
        Date[] array = days.stream().map(Date::valueOf).toArray(Date[]::new);
        List<Features> rows = new ArrayList<>();
        jdbc.sql("""
                WITH snap AS (SELECT unnest(CAST(:days AS date[])) AS t),
                visit AS (
                    SELECT b.client_id, cs.local_date AS day, b.status,
                           extract(epoch FROM cs.starts_at - b.created_at) / 3600 AS lead_hours
                    FROM report_bookings b
                    JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                    WHERE b.org_id = :org AND cs.org_id = :org AND cs.status = 'scheduled'
                      AND cs.local_date BETWEEN :earliest AND :latest
                      AND b.status IN ('attended', 'no_show', 'late_cancelled')
                ),
                per AS (
                    SELECT s.t, v.client_id,
                           max(v.day) FILTER (WHERE v.status = 'attended' AND v.day <= s.t) AS last_visit,
                           min(v.day) FILTER (WHERE v.status = 'attended' AND v.day <= s.t) AS first_visit,
                           count(*) FILTER (WHERE v.status = 'attended' AND v.day > s.t - 30 AND v.day <= s.t) AS v30,
                           count(*) FILTER (WHERE v.status = 'attended' AND v.day > s.t - 90 AND v.day <= s.t - 30) AS v60,
                           count(*) FILTER (WHERE v.status = 'attended' AND v.day > s.t - 180 AND v.day <= s.t) AS v180,
                           count(*) FILTER (WHERE v.status = 'late_cancelled' AND v.day > s.t - 30 AND v.day <= s.t) AS late30,
                           count(*) FILTER (WHERE v.status = 'late_cancelled' AND v.day > s.t - 90 AND v.day <= s.t - 30) AS late60,
                           count(*) FILTER (WHERE v.status = 'no_show' AND v.day > s.t - 60 AND v.day <= s.t) AS noshow60,
                           avg(v.lead_hours) FILTER (WHERE v.day > s.t - 60 AND v.day <= s.t AND v.lead_hours >= 0) AS lead_hours,
                           count(*) FILTER (WHERE v.status = 'attended' AND v.day > s.t AND v.day <= s.t + 30) AS next30
                    FROM snap s
                    JOIN visit v ON v.day > s.t - 365 AND v.day <= s.t + 30
                    GROUP BY s.t, v.client_id
                    HAVING count(*) FILTER (WHERE v.status = 'attended' AND v.day > s.t - 60 AND v.day <= s.t) > 0
                ),
                written AS (
                    SELECT c.client_id, (m.created_at AT TIME ZONE o.timezone)::date AS day
                    FROM report_messages m
                    JOIN report_conversations c ON c.org_id = m.org_id AND c.id = m.conversation_id
                    JOIN report_conversation_participants p
                         ON p.org_id = m.org_id AND p.conversation_id = m.conversation_id AND p.user_id = m.sender_id
                    JOIN report_organizations o ON o.org_id = m.org_id
                    WHERE m.org_id = :org AND c.org_id = :org AND p.org_id = :org AND c.kind = 'client'
                      AND p.role = 'client' AND m.deleted_at IS NULL AND m.created_at >= :messagesFrom
                ),
                msgs AS (
                    SELECT s.t, w.client_id,
                           count(*) FILTER (WHERE w.day > s.t - 30) AS m30,
                           count(*) FILTER (WHERE w.day <= s.t - 30) AS m60
                    FROM snap s
                    JOIN written w ON w.day > s.t - 90 AND w.day <= s.t
                    GROUP BY s.t, w.client_id
                )
                SELECT per.*, ms.ends, ms.renewal, ms.pack, ms.credits,
                       coalesce(msgs.m30, 0) AS m30, coalesce(msgs.m60, 0) AS m60
                FROM per
                LEFT JOIN msgs ON msgs.t = per.t AND msgs.client_id = per.client_id
                LEFT JOIN LATERAL (
                    SELECT least(m.ends_on, coalesce((m.cancelled_at AT TIME ZONE 'UTC')::date, m.ends_on)) - per.t AS ends,
                           EXISTS (SELECT 1 FROM report_client_memberships n
                                   WHERE n.org_id = :org AND n.client_id = per.client_id AND n.id <> m.id
                                     AND n.starts_on > per.t AND (n.created_at AT TIME ZONE 'UTC')::date <= per.t) AS renewal,
                           p.kind = 'class_pack' AS pack,
                           (SELECT coalesce(sum(l.delta) FILTER (WHERE l.reason <> 'use'), 0)
                                 + coalesce(sum(l.delta) FILTER (WHERE l.reason = 'use'
                                       AND (coalesce(l.used_for, l.created_at) AT TIME ZONE 'UTC')::date <= per.t), 0)
                            FROM report_credit_ledger l
                            WHERE l.org_id = :org AND l.membership_id = m.id) AS credits
                    FROM report_client_memberships m
                    LEFT JOIN report_membership_plans p ON p.org_id = :org AND p.id = m.plan_id
                    WHERE m.org_id = :org AND m.client_id = per.client_id AND m.starts_on <= per.t
                      AND least(m.ends_on, coalesce((m.cancelled_at AT TIME ZONE 'UTC')::date, m.ends_on)) >= per.t
                    ORDER BY m.ends_on DESC
                    LIMIT 1
                ) ms ON true
                """)
                .param("org", org)
                .param("days", array)
                .param("earliest", earliest)
                .param("latest", latest)
                .param("messagesFrom", firstDay.minusDays(91).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .query(rs -> {
                    LocalDate t = rs.getObject("t", LocalDate.class);
                    LocalDate last = rs.getObject("last_visit", LocalDate.class);
                    LocalDate first = rs.getObject("first_visit", LocalDate.class);
                    int tenure = (int) java.time.temporal.ChronoUnit.DAYS.between(first, t) + 1;
                    int v180 = rs.getInt("v180");
                    double gap = Math.min(180, tenure) / (double) Math.max(v180, 1);
                    boolean member = rs.getObject("ends") != null;
                    Features.Facts facts = new Features.Facts(
                            (int) java.time.temporal.ChronoUnit.DAYS.between(last, t),
                            gap,
                            rs.getInt("v30"),
                            rs.getInt("v60"),
                            tenure,
                            member,
                            member ? rs.getInt("ends") : 0,
                            rs.getBoolean("renewal"),
                            rs.getBoolean("pack"),
                            rs.getInt("credits"),
                            rs.getInt("late30"),
                            rs.getInt("late60"),
                            rs.getInt("noshow60"),
                            rs.getInt("m30"),
                            rs.getInt("m60"));
                    double lead = rs.getObject("lead_hours") == null ? 48 : rs.getDouble("lead_hours");
                    rows.add(Features.of(
                            rs.getObject("client_id", UUID.class), t, facts, rs.getInt("next30") == 0, lead));
                });
        return rows;
    }
}
