package io.wellbase.insights.internal.home;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The home summary's lists and counts of today and this week, read from the published views. */
@Component
public class HomeFigures {

    public record TodaySession(
            UUID sessionId,
            @Nullable String classType,
            @Nullable String location,
            OffsetDateTime startsAt,
            int capacity,
            long placesTaken,
            long waitlisted,
            long checkedIn) {}

    public record Person(UUID clientId, String name) {}

    public record AtRisk(
            UUID clientId, String name, @Nullable LocalDate lastVisit) {}

    public record Birthday(UUID clientId, String name, LocalDate on) {}

    public record Expiring(
            UUID membershipId,
            UUID clientId,
            String name,
            @Nullable String plan,
            LocalDate endsOn) {}

    private final JdbcClient jdbc;

    HomeFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<TodaySession> sessions(UUID org, LocalDate today) {
        return jdbc.sql("""
                SELECT cs.id, ct.name AS class_type, l.name AS location, cs.starts_at, cs.capacity,
                       count(b.id) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show')) AS taken,
                       count(b.id) FILTER (WHERE b.status = 'waitlisted') AS waitlisted,
                       count(b.id) FILTER (WHERE b.checked_in_at IS NOT NULL) AS checked_in
                FROM report_class_sessions cs
                LEFT JOIN report_class_types ct ON ct.org_id = :org AND ct.id = cs.class_type_id
                LEFT JOIN report_locations l ON l.org_id = :org AND l.id = cs.location_id
                LEFT JOIN report_bookings b ON b.org_id = :org AND b.session_id = cs.id
                WHERE cs.org_id = :org AND cs.local_date = :today AND cs.status = 'scheduled'
                  AND cs.starts_at >= CAST(:today AS timestamp) AT TIME ZONE 'UTC' - interval '1 day'
                  AND cs.starts_at < (CAST(:today AS timestamp) + interval '2 days') AT TIME ZONE 'UTC'
                GROUP BY cs.id, ct.name, l.name, cs.starts_at, cs.capacity
                ORDER BY cs.starts_at, cs.id
                LIMIT 200
                """)
                .param("org", org)
                .param("today", today)
                .query((rs, n) -> new TodaySession(
                        rs.getObject("id", UUID.class),
                        rs.getString("class_type"),
                        rs.getString("location"),
                        rs.getObject("starts_at", OffsetDateTime.class),
                        rs.getInt("capacity"),
                        rs.getLong("taken"),
                        rs.getLong("waitlisted"),
                        rs.getLong("checked_in")))
                .list();
    }

    /**
     * Bookings made today (not waitlist places): a booking is made before its class starts, so only the
     * classes from the start of today on are read.
     */
    @Transactional(readOnly = true)
    public long bookingsMadeToday(UUID org, LocalDate today, ZoneId zone) {
        OffsetDateTime start = today.atStartOfDay(zone).toOffsetDateTime();
        return jdbc.sql("""
                SELECT count(*)
                FROM report_class_sessions cs
                JOIN report_bookings b ON b.org_id = :org AND b.session_id = cs.id
                WHERE cs.org_id = :org AND cs.starts_at >= :start AND cs.status = 'scheduled'
                  AND b.created_at >= :start AND b.created_at < :end AND b.status <> 'waitlisted'
                """)
                .param("org", org)
                .param("start", start)
                .param("end", today.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query(Long.class)
                .single();
    }

    /**
     * Active members (not frozen) for at least {@code days} with no visit in the last {@code days}: each member's
     * bookings of the last months looked up by client (bookings are made before their class), then each
     * absent one's last visit.
     */
    @Transactional(readOnly = true)
    public List<AtRisk> atRisk(UUID org, LocalDate today, int days) {
        return jdbc.sql("""
                WITH members AS (
                    SELECT DISTINCT m.client_id
                    FROM report_client_memberships m
                    WHERE m.org_id = :org AND m.status = 'active' AND m.starts_on <= :since AND m.ends_on >= :today
                ), away AS (
                    SELECT mb.client_id FROM members mb
                    WHERE NOT EXISTS (
                        SELECT 1 FROM report_bookings b
                        JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                        WHERE b.org_id = :org AND b.client_id = mb.client_id AND b.status = 'attended'
                          AND b.created_at >= CAST(:since AS timestamp) AT TIME ZONE 'UTC' - interval '400 days'
                          AND cs.local_date BETWEEN :since AND :today)
                )
                SELECT c.id, c.first_name, c.last_name, lv.last_day
                FROM away a
                JOIN report_clients c ON c.org_id = :org AND c.id = a.client_id
                LEFT JOIN LATERAL (
                    SELECT max(cs.local_date) AS last_day
                    FROM report_bookings b
                    JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                    WHERE b.org_id = :org AND b.client_id = a.client_id AND b.status = 'attended'
                      AND cs.local_date < :since
                ) lv ON true
                WHERE c.merged_into_id IS NULL AND c.erased_at IS NULL
                ORDER BY lv.last_day NULLS FIRST, c.last_name, c.id
                """)
                .param("org", org)
                .param("today", today)
                .param("since", today.minusDays(days))
                .query((rs, n) -> new AtRisk(
                        rs.getObject("id", UUID.class),
                        name(rs.getString("first_name"), rs.getString("last_name")),
                        rs.getObject("last_day", LocalDate.class)))
                .list();
    }

    /** Clients whose birthday falls in the seven days from today (29 February on the 28th in other years). */
    @Transactional(readOnly = true)
    public List<Birthday> birthdays(UUID org, LocalDate today) {
        List<String> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = today.plusDays(i);
            days.add(MonthDay.from(d).toString().substring(2));
            if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !d.isLeapYear()) {
                days.add("02-29");
            }
        }
        List<Birthday> found = new ArrayList<>(jdbc.sql("""
                SELECT c.id, c.first_name, c.last_name, c.birth_date
                FROM report_clients c
                WHERE c.org_id = :org AND c.merged_into_id IS NULL AND c.erased_at IS NULL
                  AND c.status IN ('active', 'lead') AND c.birth_date IS NOT NULL
                  AND extract(month FROM c.birth_date)::int IN (:months)
                  AND to_char(c.birth_date, 'MM-DD') IN (:days)
                """)
                .param("org", org)
                .param(
                        "months",
                        days.stream()
                                .map(d -> Integer.parseInt(d.substring(0, 2)))
                                .distinct()
                                .toList())
                .param("days", days)
                .query((rs, n) -> new Birthday(
                        rs.getObject("id", UUID.class),
                        name(rs.getString("first_name"), rs.getString("last_name")),
                        next(rs.getObject("birth_date", LocalDate.class), today)))
                .list());
        found.sort(java.util.Comparator.comparing(Birthday::on).thenComparing(Birthday::name));
        return found;
    }

    /** Active memberships ending within seven days with no later one of the client to follow. */
    @Transactional(readOnly = true)
    public List<Expiring> expiring(UUID org, LocalDate today) {
        return jdbc.sql("""
                SELECT m.id, m.client_id, c.first_name, c.last_name, p.name AS plan, m.ends_on
                FROM report_client_memberships m
                JOIN report_clients c ON c.org_id = :org AND c.id = m.client_id
                LEFT JOIN report_membership_plans p ON p.org_id = :org AND p.id = m.plan_id
                WHERE m.org_id = :org AND m.status = 'active' AND m.ends_on BETWEEN :today AND :until
                  AND NOT EXISTS (
                      SELECT 1 FROM report_client_memberships n
                      WHERE n.org_id = :org AND n.client_id = m.client_id AND n.id <> m.id
                        AND n.status IN ('pending', 'active', 'frozen') AND n.ends_on > m.ends_on)
                ORDER BY m.ends_on, c.last_name, m.id
                """)
                .param("org", org)
                .param("today", today)
                .param("until", today.plusDays(7))
                .query((rs, n) -> new Expiring(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        name(rs.getString("first_name"), rs.getString("last_name")),
                        rs.getString("plan"),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
    }

    private static LocalDate next(LocalDate birth, LocalDate today) {
        for (int year = today.getYear(); ; year++) {
            MonthDay md = MonthDay.from(birth);
            LocalDate d = md.isValidYear(year) ? md.atYear(year) : LocalDate.of(year, 2, 28);
            if (!d.isBefore(today)) {
                return d;
            }
        }
    }

    private static String name(@Nullable String first, @Nullable String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    }
}
