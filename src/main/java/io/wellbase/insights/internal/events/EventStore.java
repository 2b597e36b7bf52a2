package io.wellbase.insights.internal.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The insights module's event tables: app events and each organization's retention. */
@Component
class EventStore {

    static final int DEFAULT_RETENTION_DAYS = 395;

    record Row(
            String type,
            String properties,
            OffsetDateTime occurredAt,
            @Nullable String sessionId) {}

    record Day(LocalDate day, String type, long events, long users) {}

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement for the whole batch: it is stored whole or not at all. */
    @Transactional
    void insert(UUID org, UUID user, List<Row> rows) {
        jdbc.sql("""
                INSERT INTO analytics_events (org_id, id, type, properties, occurred_at, session_id, user_id)
                SELECT :org, gen_random_uuid(), t, p::jsonb, o, s, :user
                FROM unnest(CAST(:types AS text[]), CAST(:properties AS text[]), CAST(:occurred AS timestamptz[]),
                            CAST(:sessions AS text[])) AS x(t, p, o, s)
                """)
                .param("org", org)
                .param("user", user)
                .param("types", rows.stream().map(Row::type).toArray(String[]::new))
                .param("properties", rows.stream().map(Row::properties).toArray(String[]::new))
                .param(
                        "occurred",
                        rows.stream().map(r -> r.occurredAt().toString()).toArray(String[]::new))
                .param("sessions", rows.stream().map(Row::sessionId).toArray(String[]::new))
                .update();
    }

    @Transactional(readOnly = true)
    List<Day> counts(UUID org, LocalDate from, LocalDate to, @Nullable String type) {
        return jdbc.sql("""
                SELECT (e.occurred_at AT TIME ZONE o.timezone)::date AS day, e.type, count(*) AS events,
                       count(DISTINCT e.user_id) AS users
                FROM analytics_events e
                JOIN report_organizations o ON o.org_id = e.org_id
                WHERE e.org_id = :org
                  AND e.occurred_at >= CAST(:from AS timestamp) AT TIME ZONE o.timezone
                  AND e.occurred_at < (CAST(:to AS timestamp) + interval '1 day') AT TIME ZONE o.timezone
                  AND (CAST(:type AS text) IS NULL OR e.type = CAST(:type AS text))
                GROUP BY 1, 2
                ORDER BY 1 DESC, 2
                LIMIT 20000
                """)
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .param("type", type)
                .query((rs, n) -> new Day(
                        rs.getObject("day", LocalDate.class),
                        rs.getString("type"),
                        rs.getLong("events"),
                        rs.getLong("users")))
                .list();
    }

    int retentionDays(UUID org) {
        return jdbc.sql("SELECT event_retention_days FROM analytics_settings WHERE org_id = :org")
                .param("org", org)
                .query(Integer.class)
                .optional()
                .orElse(DEFAULT_RETENTION_DAYS);
    }

    void setRetentionDays(UUID org, int days) {
        jdbc.sql("""
                INSERT INTO analytics_settings (org_id, event_retention_days) VALUES (:org, :days)
                ON CONFLICT (org_id) DO UPDATE SET event_retention_days = EXCLUDED.event_retention_days, updated_at = now()
                """).param("org", org).param("days", days).update();
    }

    /** Deletes up to {@code batch} events past their organization's retention; answers how many went. */
    int deleteExpired(int batch) {
        return jdbc.sql("""
                DELETE FROM analytics_events e
                WHERE (e.org_id, e.id) IN (
                    SELECT x.org_id, x.id FROM analytics_events x
                    LEFT JOIN analytics_settings s ON s.org_id = x.org_id
                    WHERE x.occurred_at < now() - make_interval(days => coalesce(s.event_retention_days, :default))
                    LIMIT :batch)
                """)
                .param("default", DEFAULT_RETENTION_DAYS)
                .param("batch", batch)
                .update();
    }
}
