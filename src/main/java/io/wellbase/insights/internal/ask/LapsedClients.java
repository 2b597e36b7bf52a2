package io.wellbase.insights.internal.ask;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients who came before but not in the last N days (their last visit, newest first): the one list a
 * question can ask for, read from the published views.
 */
@Component
class LapsedClients {

    record Row(UUID clientId, String name, LocalDate lastVisit, long daysSince) {}

    private final JdbcClient jdbc;

    LapsedClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Row> find(UUID org, LocalDate today, int days, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.first_name, c.last_name, v.last_day
                FROM (SELECT b.client_id, max(cs.local_date) AS last_day
                      FROM report_bookings b
                      JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                      WHERE b.org_id = :org AND cs.org_id = :org AND b.status = 'attended' AND cs.local_date <= :today
                      GROUP BY b.client_id) v
                JOIN report_clients c ON c.org_id = :org AND c.id = v.client_id
                WHERE v.last_day < :since AND c.merged_into_id IS NULL AND c.erased_at IS NULL
                  AND c.status <> 'churned'
                ORDER BY v.last_day DESC, c.last_name, c.id
                LIMIT :limit
                """)
                .param("org", org)
                .param("today", today)
                .param("since", today.minusDays(days - 1L))
                .param("limit", limit)
                .query((rs, n) -> {
                    LocalDate last = rs.getObject("last_day", LocalDate.class);
                    return new Row(
                            rs.getObject("id", UUID.class),
                            name(rs.getString("first_name"), rs.getString("last_name")),
                            last,
                            java.time.temporal.ChronoUnit.DAYS.between(last, today));
                })
                .list();
    }

    private static String name(@Nullable String first, @Nullable String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    }
}
