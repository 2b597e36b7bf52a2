package io.wellbase.insights.internal.rollup;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the daily rollups from the published views: a range of days is deleted and counted again in one
 * transaction, so a reader sees either the old or the new counts of a day. Only closed days are rolled up
 * (before yesterday in the organization's zone: late check-ins and no-show marking settle within a day);
 * {@code insight_rollup_state} says through which day every day is built.
 */
@Component
public class Rollups {

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last closed day for an organization whose today is {@code today}. */
    public static LocalDate lastClosedDay(LocalDate today) {
        return today.minusDays(2);
    }

    /** The day through which the organization's rollups are complete, if they were ever built. */
    public Optional<LocalDate> completeThrough(UUID org) {
        return jdbc.sql("SELECT complete_through FROM insight_rollup_state WHERE org_id = :org")
                .param("org", org)
                .query(LocalDate.class)
                .optional();
    }

    /** Every day of the organization's history, through the last closed day. */
    @Transactional
    public void rebuildAll(UUID org, LocalDate today) {
        LocalDate first = jdbc.sql("SELECT min(local_date) FROM report_class_sessions WHERE org_id = :org")
                .param("org", org)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        LocalDate through = lastClosedDay(today);
        if (first != null && !first.isAfter(through)) {
            build(org, first, through);
        }
        mark(org, through, true);
    }

    /**
     * The days from {@code from} through the last closed day. The watermark moves only when every day before
     * {@code from} was already built; otherwise the whole history is rebuilt first.
     */
    @Transactional
    public void rebuildRecent(UUID org, LocalDate from, LocalDate today) {
        LocalDate through = lastClosedDay(today);
        Optional<LocalDate> complete = completeThrough(org);
        if (complete.isEmpty() || complete.get().isBefore(from.minusDays(1))) {
            rebuildAll(org, today);
            return;
        }
        if (!from.isAfter(through)) {
            build(org, from, through);
        }
        mark(org, through, false);
    }

    /**
     * Counts again the day of one session when that day is already rolled up; a day not yet closed is read from
     * the rows and needs nothing. Returns whether a day was counted.
     */
    @Transactional
    public boolean recountDayOf(UUID org, UUID session) {
        Optional<LocalDate> day = jdbc.sql("""
                SELECT cs.local_date FROM report_class_sessions cs
                JOIN insight_rollup_state r ON r.org_id = cs.org_id AND cs.local_date <= r.complete_through
                WHERE cs.org_id = :org AND cs.id = :session
                """)
                .param("org", org)
                .param("session", session)
                .query(LocalDate.class)
                .optional();
        day.ifPresent(d -> build(org, d, d));
        return day.isPresent();
    }

    /**
     * Deletes and counts again a range of days. One organization's rollups are built by one transaction at a
     * time: two recounts of the same day would otherwise each delete what the other had not yet written.
     */
    private void build(UUID org, LocalDate from, LocalDate to) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('insight_rollups'), hashtext(CAST(:org AS text)))")
                .param("org", org)
                .query()
                .listOfRows();
        jdbc.sql("DELETE FROM insight_daily_attendance WHERE org_id = :org AND day BETWEEN :from AND :to")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("DELETE FROM insight_daily_sessions WHERE org_id = :org AND day BETWEEN :from AND :to")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("""
                INSERT INTO insight_daily_attendance (org_id, day, location_id, class_type_id, instructor_id, hour,
                    visits, bookings, places_taken, late_cancels, no_shows, waitlisted)
                SELECT :org, cs.local_date, cs.location_id, cs.class_type_id,
                       coalesce(cs.substitute_instructor_id, cs.instructor_id),
                       extract(hour FROM cs.starts_at AT TIME ZONE coalesce(l.timezone, o.timezone))::smallint,
                       count(*) FILTER (WHERE b.status = 'attended'),
                       count(*) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show', 'late_cancelled', 'cancelled')),
                       count(*) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show')),
                       count(*) FILTER (WHERE b.status = 'late_cancelled'),
                       count(*) FILTER (WHERE b.status = 'no_show'),
                       count(*) FILTER (WHERE b.status = 'waitlisted')
                FROM report_bookings b
                JOIN report_class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id
                JOIN report_organizations o ON o.org_id = cs.org_id
                LEFT JOIN report_locations l ON l.org_id = :org AND l.id = cs.location_id
                WHERE b.org_id = :org AND cs.org_id = :org AND cs.status = 'scheduled'
                  AND cs.local_date BETWEEN :from AND :to
                GROUP BY 2, 3, 4, 5, 6
                """).param("org", org).param("from", from).param("to", to).update();
        jdbc.sql("""
                INSERT INTO insight_daily_sessions (org_id, day, location_id, class_type_id, instructor_id, hour, classes,
                    capacity)
                SELECT :org, cs.local_date, cs.location_id, cs.class_type_id,
                       coalesce(cs.substitute_instructor_id, cs.instructor_id),
                       extract(hour FROM cs.starts_at AT TIME ZONE coalesce(l.timezone, o.timezone))::smallint,
                       count(*), sum(cs.capacity)
                FROM report_class_sessions cs
                JOIN report_organizations o ON o.org_id = cs.org_id
                LEFT JOIN report_locations l ON l.org_id = :org AND l.id = cs.location_id
                WHERE cs.org_id = :org AND cs.status = 'scheduled' AND cs.local_date BETWEEN :from AND :to
                GROUP BY 2, 3, 4, 5, 6
                """).param("org", org).param("from", from).param("to", to).update();
        totals(org, from, to);
    }

    /** The day totals and the day-and-location totals for the days just counted, from the detailed rollups. */
    private void totals(UUID org, LocalDate from, LocalDate to) {
        jdbc.sql("DELETE FROM insight_daily_locations WHERE org_id = :org AND day BETWEEN :from AND :to")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("""
                INSERT INTO insight_daily_locations (org_id, day, location_id, visits, bookings, places_taken, late_cancels,
                    no_shows, waitlisted, classes, capacity)
                SELECT :org, d.day, d.location_id, coalesce(a.visits, 0), coalesce(a.bookings, 0),
                       coalesce(a.places_taken, 0), coalesce(a.late_cancels, 0), coalesce(a.no_shows, 0),
                       coalesce(a.waitlisted, 0), d.classes, d.capacity
                FROM (SELECT day, location_id, sum(classes) AS classes, sum(capacity) AS capacity
                      FROM insight_daily_sessions WHERE org_id = :org AND day BETWEEN :from AND :to
                      GROUP BY day, location_id) d
                LEFT JOIN (SELECT day, location_id, sum(visits) AS visits, sum(bookings) AS bookings,
                                  sum(places_taken) AS places_taken, sum(late_cancels) AS late_cancels,
                                  sum(no_shows) AS no_shows, sum(waitlisted) AS waitlisted
                           FROM insight_daily_attendance WHERE org_id = :org AND day BETWEEN :from AND :to
                           GROUP BY day, location_id) a
                       ON a.day = d.day AND a.location_id IS NOT DISTINCT FROM d.location_id
                """).param("org", org).param("from", from).param("to", to).update();
        jdbc.sql("DELETE FROM insight_daily_totals WHERE org_id = :org AND day BETWEEN :from AND :to")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("""
                INSERT INTO insight_daily_totals (org_id, day, visits, bookings, places_taken, late_cancels, no_shows,
                    waitlisted, classes, capacity)
                SELECT :org, d.day, coalesce(a.visits, 0), coalesce(a.bookings, 0), coalesce(a.places_taken, 0),
                       coalesce(a.late_cancels, 0), coalesce(a.no_shows, 0), coalesce(a.waitlisted, 0), d.classes, d.capacity
                FROM (SELECT day, sum(classes) AS classes, sum(capacity) AS capacity FROM insight_daily_sessions
                      WHERE org_id = :org AND day BETWEEN :from AND :to GROUP BY day) d
                LEFT JOIN (SELECT day, sum(visits) AS visits, sum(bookings) AS bookings, sum(places_taken) AS places_taken,
                                  sum(late_cancels) AS late_cancels, sum(no_shows) AS no_shows, sum(waitlisted) AS waitlisted
                           FROM insight_daily_attendance WHERE org_id = :org AND day BETWEEN :from AND :to GROUP BY day) a
                       ON a.day = d.day
                """).param("org", org).param("from", from).param("to", to).update();
    }

    private void mark(UUID org, LocalDate through, boolean full) {
        jdbc.sql("""
                INSERT INTO insight_rollup_state (org_id, complete_through, rebuilt_at) VALUES (:org, :through, now())
                ON CONFLICT (org_id) DO UPDATE SET complete_through = EXCLUDED.complete_through, rebuilt_at = now()
                """).param("org", org).param("through", through).update();
        if (full) {
            jdbc.sql("ANALYZE insight_daily_attendance").update();
        }
    }
}
