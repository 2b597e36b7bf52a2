package io.wellbase.insights.internal.advice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Held classes over a range grouped by slot (class type, location, weekday and local start hour), with how
 * often they were full and how long their waitlists were; and each instructor's teaching.
 */
@Component
class SlotFigures {

    record Slot(
            UUID classTypeId,
            String classType,
            UUID locationId,
            String location,
            int weekday,
            int hour,
            int sessions,
            int fullSessions,
            long capacity,
            long placesTaken,
            long attended,
            long noShows,
            long waitlisted) {}

    record Teaching(
            @Nullable UUID instructorId,
            String instructor,
            int sessions,
            long minutes,
            long capacity,
            long placesTaken) {}

    private final JdbcClient jdbc;

    SlotFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Slot> slots(UUID org, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                WITH per AS (
                    SELECT cs.id, cs.class_type_id, cs.location_id, cs.capacity,
                           extract(isodow FROM cs.local_date)::int AS weekday,
                           extract(hour FROM cs.starts_at AT TIME ZONE coalesce(l.timezone, o.timezone))::int AS hour,
                           count(b.id) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show')) AS taken,
                           count(b.id) FILTER (WHERE b.status = 'attended') AS attended,
                           count(b.id) FILTER (WHERE b.status = 'no_show') AS no_shows,
                           count(b.id) FILTER (WHERE b.status = 'waitlisted') AS waitlisted
                    FROM report_class_sessions cs
                    JOIN report_organizations o ON o.org_id = cs.org_id
                    LEFT JOIN report_locations l ON l.org_id = :org AND l.id = cs.location_id
                    LEFT JOIN report_bookings b ON b.org_id = :org AND b.session_id = cs.id
                    WHERE cs.org_id = :org AND cs.status = 'scheduled' AND cs.local_date BETWEEN :from AND :to
                    GROUP BY cs.id, cs.class_type_id, cs.location_id, cs.capacity, cs.local_date, cs.starts_at, l.timezone,
                             o.timezone
                )
                SELECT per.class_type_id, ct.name AS class_type, per.location_id, l.name AS location, weekday, hour,
                       count(*) AS sessions, count(*) FILTER (WHERE taken >= per.capacity) AS full_sessions,
                       sum(per.capacity) AS capacity, sum(taken) AS taken, sum(attended) AS attended,
                       sum(no_shows) AS no_shows, sum(waitlisted) AS waitlisted
                FROM per
                LEFT JOIN report_class_types ct ON ct.org_id = :org AND ct.id = per.class_type_id
                LEFT JOIN report_locations l ON l.org_id = :org AND l.id = per.location_id
                GROUP BY per.class_type_id, ct.name, per.location_id, l.name, weekday, hour
                ORDER BY ct.name, weekday, hour
                LIMIT 5000
                """)
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Slot(
                        rs.getObject("class_type_id", UUID.class),
                        rs.getString("class_type"),
                        rs.getObject("location_id", UUID.class),
                        rs.getString("location"),
                        rs.getInt("weekday"),
                        rs.getInt("hour"),
                        rs.getInt("sessions"),
                        rs.getInt("full_sessions"),
                        rs.getLong("capacity"),
                        rs.getLong("taken"),
                        rs.getLong("attended"),
                        rs.getLong("no_shows"),
                        rs.getLong("waitlisted")))
                .list();
    }

    List<Teaching> teaching(UUID org, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                WITH per AS (
                    SELECT coalesce(cs.substitute_instructor_id, cs.instructor_id) AS instructor, cs.capacity,
                           (extract(epoch FROM cs.ends_at - cs.starts_at) / 60)::bigint AS minutes,
                           count(b.id) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show')) AS taken
                    FROM report_class_sessions cs
                    LEFT JOIN report_bookings b ON b.org_id = :org AND b.session_id = cs.id
                    WHERE cs.org_id = :org AND cs.status = 'scheduled' AND cs.local_date BETWEEN :from AND :to
                    GROUP BY cs.id, cs.substitute_instructor_id, cs.instructor_id, cs.capacity, cs.starts_at, cs.ends_at
                )
                SELECT per.instructor, coalesce(u.first_name || ' ' || u.last_name, 'No instructor') AS name,
                       count(*) AS sessions, sum(minutes) AS minutes, sum(capacity) AS capacity, sum(taken) AS taken
                FROM per
                LEFT JOIN report_users u ON u.id = per.instructor
                GROUP BY per.instructor, u.first_name, u.last_name
                ORDER BY sum(minutes) DESC
                LIMIT 500
                """)
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Teaching(
                        rs.getObject("instructor", UUID.class),
                        rs.getString("name"),
                        rs.getInt("sessions"),
                        rs.getLong("minutes"),
                        rs.getLong("capacity"),
                        rs.getLong("taken")))
                .list();
    }
}
