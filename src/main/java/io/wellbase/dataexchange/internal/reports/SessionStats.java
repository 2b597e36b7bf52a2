package io.wellbase.dataexchange.internal.reports;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One row per held class session in the scope, with its bookings counted by outcome. */
@Component
class SessionStats {

    /** A session's figures; seats are the places taken (confirmed, attended or no-show). */
    record Row(
            LocalDate day,
            String classType,
            String location,
            String instructor,
            int capacity,
            long minutes,
            long visits,
            long lateCancels,
            long noShows,
            long seats) {}

    private final JdbcClient jdbc;

    SessionStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> load(ReportScope scope) {
        return jdbc.sql("""
                SELECT cs.local_date, t.name AS class_type, l.name AS location,
                       coalesce(u.first_name || ' ' || u.last_name, 'No instructor') AS instructor, cs.capacity,
                       (extract(epoch FROM cs.ends_at - cs.starts_at) / 60)::bigint AS minutes,
                       count(b.id) FILTER (WHERE b.status = 'attended') AS visits,
                       count(b.id) FILTER (WHERE b.status = 'late_cancelled') AS late_cancels,
                       count(b.id) FILTER (WHERE b.status = 'no_show') AS no_shows,
                       count(b.id) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show')) AS seats
                FROM report_class_sessions cs
                JOIN report_class_types t ON t.id = cs.class_type_id
                JOIN report_locations l ON l.id = cs.location_id
                LEFT JOIN report_users u ON u.id = coalesce(cs.substitute_instructor_id, cs.instructor_id)
                LEFT JOIN report_bookings b ON b.org_id = cs.org_id AND b.session_id = cs.id
                WHERE cs.org_id = :org AND cs.status = 'scheduled' AND cs.local_date BETWEEN :from AND :to
                  AND (CAST(:location AS uuid) IS NULL OR cs.location_id = CAST(:location AS uuid))
                GROUP BY cs.id, cs.local_date, cs.starts_at, cs.ends_at, cs.capacity, t.name, l.name, u.first_name,
                         u.last_name
                ORDER BY cs.local_date, cs.starts_at
                """)
                .param("org", scope.orgId())
                .param("from", scope.from())
                .param("to", scope.to())
                .param("location", scope.locationId())
                .query((rs, n) -> new Row(
                        rs.getObject("local_date", LocalDate.class),
                        rs.getString("class_type"),
                        rs.getString("location"),
                        rs.getString("instructor"),
                        rs.getInt("capacity"),
                        rs.getLong("minutes"),
                        rs.getLong("visits"),
                        rs.getLong("late_cancels"),
                        rs.getLong("no_shows"),
                        rs.getLong("seats")))
                .list();
    }

    /** Sums of sessions grouped by something. */
    static final class Tally {
        long sessions;
        long minutes;
        long capacity;
        long visits;
        long lateCancels;
        long noShows;
        long seats;

        Tally add(Row row) {
            sessions++;
            minutes += row.minutes();
            capacity += row.capacity();
            visits += row.visits();
            lateCancels += row.lateCancels();
            noShows += row.noShows();
            seats += row.seats();
            return this;
        }

        java.math.BigDecimal fillRate() {
            return ReportData.percent(seats, capacity);
        }
    }
}
