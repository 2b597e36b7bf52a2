package io.wellbase.scheduling.internal;

import io.wellbase.scheduling.VisitHistory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link VisitHistory} over attended bookings and completed appointments. */
@Service
class VisitHistoryQueries implements VisitHistory {

    private final JdbcClient jdbc;

    VisitHistoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> lastVisitedOn(UUID orgId, LocalDate day) {
        return jdbc.sql("""
                WITH visits AS (
                    SELECT b.client_id, s.local_date AS day
                    FROM bookings b JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
                    WHERE b.org_id = :org AND b.status = 'attended'
                    UNION ALL
                    SELECT a.client_id, CAST(a.starts_at AS date) AS day
                    FROM appointments a
                    WHERE a.org_id = :org AND a.status = 'completed'
                ), last_visits AS (
                    SELECT client_id, max(day) AS last_day FROM visits GROUP BY client_id
                )
                SELECT l.client_id FROM last_visits l
                WHERE l.last_day = :day
                  AND NOT EXISTS (SELECT 1 FROM bookings b JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
                                  WHERE b.org_id = :org AND b.client_id = l.client_id AND b.status IN ('confirmed', 'waitlisted')
                                    AND s.starts_at > now())
                  AND NOT EXISTS (SELECT 1 FROM appointments a
                                  WHERE a.org_id = :org AND a.client_id = l.client_id
                                    AND a.status IN ('pending', 'confirmed') AND a.starts_at > now())
                ORDER BY l.client_id
                """)
                .param("org", orgId)
                .param("day", day)
                .query(UUID.class)
                .list();
    }
}
