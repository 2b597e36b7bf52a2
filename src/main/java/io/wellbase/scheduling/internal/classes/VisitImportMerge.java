package io.wellbase.scheduling.internal.classes;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import org.springframework.stereotype.Component;

/**
 * Visits (attendance history) as bookings: each distinct class, place and time is a session, found by
 * index or created; each row a booking, found by its Visit ID, or the client's own booking in that
 * session, or created. Every session the file touched has its seat count set from its bookings
 * ({@link BookingStatus#holdsSeat()}), the same rule the booking path keeps one seat at a time.
 *
 * <p>A file of a million rows names a few thousand classes: the names are matched ({@code lower()}) once
 * per distinct spelling, class and time ({@code visit_slots}), and the rows then find their session by
 * those raw values with one hash join; every temporary table is analyzed before it is joined.
 */
@Component
class VisitImportMerge {

    private final SearchIndex search;

    VisitImportMerge(SearchIndex search) {
        this.search = search;
    }

    MergeResult merge(ImportStage sql) {
        ClassTypeMap.build(sql, "class_name", "NULL::int", "NULL::int");
        ClassTypeMap.indexed(sql, search);
        // each spelling of a class, place, time and staff name in the file, matched by name once
        sql.update("""
                CREATE TEMP TABLE visit_slots ON COMMIT DROP AS
                SELECT k.class_name, k.location_name, k.visit_at, k.visits, k.first_row, t.id AS class_type_id,
                       t.duration_minutes, t.default_capacity, l.id AS location_id, l.timezone, st.user_id
                FROM (SELECT class_name, coalesce(location_name, '') AS location_name, visit_at, staff_name,
                             count(*)::int AS visits, min(row_no) AS first_row
                      FROM import_stage
                      GROUP BY class_name, coalesce(location_name, ''), visit_at, staff_name) k
                JOIN class_type_map t ON t.name_key = lower(k.class_name)
                JOIN location_map l ON l.name_key = lower(k.location_name)
                LEFT JOIN staff_map st ON st.name_key = lower(k.staff_name)
                """);
        sql.update("ANALYZE visit_slots");
        // one row per session of the file; the instructor is the known staff member of its first row
        sql.update("""
                CREATE TEMP TABLE visit_times ON COMMIT DROP AS
                SELECT class_type_id, duration_minutes, default_capacity, location_id, timezone, visit_at,
                       visit_at AT TIME ZONE timezone AS starts_at, sum(visits)::int AS visits,
                       (array_agg(user_id ORDER BY first_row) FILTER (WHERE user_id IS NOT NULL))[1] AS instructor_id
                FROM visit_slots
                GROUP BY class_type_id, duration_minutes, default_capacity, location_id, timezone, visit_at
                """);
        sql.update("ANALYZE visit_times");
        // each time looks its session up by index, whatever the statistics say about the organization's sessions
        sql.update("""
                ALTER TABLE visit_times ADD COLUMN session_id uuid, ADD COLUMN new_session boolean NOT NULL DEFAULT false
                """);
        sql.update("""
                UPDATE visit_times g SET session_id = (
                    SELECT cs.id FROM class_sessions cs
                    WHERE cs.org_id = :org AND cs.class_type_id = g.class_type_id AND cs.starts_at = g.starts_at
                      AND cs.location_id = g.location_id
                    ORDER BY cs.created_at, cs.id LIMIT 1)
                """);
        sql.update(
                "UPDATE visit_times SET session_id = gen_random_uuid(), new_session = true WHERE session_id IS NULL");
        sql.update("ANALYZE visit_times");
        // the session of each spelling, for the rows to find by the values they carry
        sql.update("""
                CREATE TEMP TABLE visit_places ON COMMIT DROP AS
                SELECT DISTINCT k.class_name, k.location_name, k.visit_at, g.session_id, g.starts_at, g.new_session
                FROM visit_slots k
                JOIN visit_times g ON g.class_type_id = k.class_type_id AND g.location_id = k.location_id
                                  AND g.visit_at = k.visit_at
                """);
        sql.update("ANALYZE visit_places");
        // The rows find their client and earlier booking before their place (OFFSET 0 keeps that order): the
        // planner cannot tell that every row has exactly one place, guesses that join leaves a thousand rows,
        // and would then look clients and bookings up one row at a time instead of hashing them once.
        sql.update("""
                CREATE TEMP TABLE visit_rows ON COMMIT DROP AS
                SELECT s.row_no, s.new_id, s.ext_id, s.client_ext, s.client_id, p.session_id, p.starts_at, p.new_session,
                       CASE WHEN s.no_show THEN 'no_show' WHEN s.late_cancel THEN 'late_cancelled'
                            WHEN p.starts_at > now() THEN 'confirmed' ELSE 'attended' END AS status,
                       s.imported_id AS target_id
                FROM (SELECT s.*, m.client_id, imported.id AS imported_id
                      FROM import_stage s
                      JOIN client_map m ON m.ext = s.client_ext
                      LEFT JOIN bookings imported ON imported.org_id = :org AND imported.import_ref = s.ext_id
                      OFFSET 0) s
                JOIN visit_places p ON p.class_name = s.class_name AND p.location_name = coalesce(s.location_name, '')
                                   AND p.visit_at = s.visit_at
                """);
        sql.update("ANALYZE visit_rows");
        if (sql.count("SELECT count(*) FROM visit_times WHERE NOT new_session") > 0) {
            // a visit without an imported booking takes the client's own booking in a session that was there
            sql.update("""
                    UPDATE visit_rows v SET target_id = n.id
                    FROM (SELECT r.row_no, (SELECT b.id FROM bookings b
                                            WHERE b.org_id = :org AND b.session_id = r.session_id
                                              AND b.client_id = r.client_id AND b.import_ref IS NULL
                                            ORDER BY b.created_at DESC LIMIT 1) AS id
                          FROM visit_rows r WHERE r.target_id IS NULL AND NOT r.new_session) n
                    WHERE v.row_no = n.row_no AND n.id IS NOT NULL
                    """);
        }
        sql.rejectDuplicates(
                "visit_rows",
                "CASE WHEN status IN ('confirmed', 'attended') THEN client_id END, session_id",
                "client_ext",
                "clientId",
                "the same client is already in this class in row %s; only the first is imported");
        // a session this import creates has no bookings yet
        sql.reject(
                "visit_rows v",
                """
                v.target_id IS NULL AND v.status IN ('confirmed', 'attended') AND NOT v.new_session
                AND EXISTS (SELECT 1 FROM bookings b WHERE b.org_id = :org AND b.session_id = v.session_id
                            AND b.client_id = v.client_id AND b.status IN ('confirmed', 'waitlisted', 'attended'))
                """,
                "clientId",
                "client_ext",
                "'the client already has a booking in this class under another visit id'");
        // a new session's bookings are all rows of the file, so it starts with its seat count
        sql.update("""
                INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date,
                                            capacity, confirmed_count, instructor_id)
                SELECT g.session_id, :org, g.class_type_id, g.location_id, g.starts_at,
                       g.starts_at + make_interval(mins => g.duration_minutes), g.visit_at::date,
                       greatest(g.default_capacity, g.visits), coalesce(c.seats, 0), g.instructor_id
                FROM visit_times g
                LEFT JOIN (SELECT session_id, count(*) FILTER (WHERE status IN (%s))::int AS seats
                           FROM visit_rows WHERE new_session GROUP BY session_id) c ON c.session_id = g.session_id
                WHERE g.new_session
                """.formatted(BookingStatus.seatHoldingValues()));
        search.changed(
                SearchType.SESSION,
                sql.organizationId(),
                sql.ids("SELECT session_id FROM visit_times WHERE new_session"));
        // In the file's order, which is the order visit_rows was written in (every join above probes with a
        // scan of the stage; a sort would only spill a million rows to disk): the ids are time-ordered and
        // made in that order, so both indexes on the id grow at their right edge, and a file that lists a
        // class's visits together keeps each session's entries together too. In session order (random
        // session ids) every id landed somewhere random in the id indexes.
        long created = sql.update("""
                INSERT INTO bookings (id, org_id, session_id, client_id, status, booked_by, created_at, confirmed_at,
                                      cancelled_at, checked_in_at, import_ref)
                SELECT new_id, :org, session_id, client_id, status, :user, starts_at, starts_at,
                       CASE WHEN status = 'late_cancelled' THEN starts_at END,
                       CASE WHEN status = 'attended' THEN starts_at END, ext_id
                FROM visit_rows WHERE target_id IS NULL
                """);
        long matched = sql.count("SELECT count(*) FROM visit_rows WHERE target_id IS NOT NULL");
        long updated = 0;
        if (matched > 0) {
            sql.update("CREATE INDEX ON visit_rows (target_id)");
            // the sessions whose counts change: those that were there, and those an updated visit moves out of
            sql.update("""
                    CREATE TEMP TABLE touched_sessions ON COMMIT DROP AS
                    SELECT session_id FROM visit_times WHERE NOT new_session
                    UNION
                    SELECT b.session_id FROM visit_rows v JOIN bookings b ON b.org_id = :org AND b.id = v.target_id
                    WHERE v.target_id IS NOT NULL
                    """);
            updated = sql.update("""
                    UPDATE bookings b SET status = v.status, session_id = v.session_id, import_ref = v.ext_id,
                           cancelled_at = CASE WHEN v.status = 'late_cancelled' THEN v.starts_at END,
                           checked_in_at = CASE WHEN v.status = 'attended' THEN v.starts_at END
                    FROM visit_rows v
                    WHERE v.target_id = b.id AND b.org_id = :org
                      AND (b.status, b.session_id, b.import_ref) IS DISTINCT FROM (v.status, v.session_id, v.ext_id)
                    """);
        } else {
            sql.update("""
                    CREATE TEMP TABLE touched_sessions ON COMMIT DROP AS
                    SELECT session_id FROM visit_times WHERE NOT new_session
                    """);
        }
        recountSeats(sql);
        return new MergeResult(created, updated, matched - updated);
    }

    /** Sets the seat count of every session in {@code touched_sessions} to the bookings that hold a seat. */
    private static void recountSeats(ImportStage sql) {
        sql.update("ALTER TABLE touched_sessions ADD PRIMARY KEY (session_id)");
        sql.update("ANALYZE touched_sessions");
        sql.update("""
                CREATE TEMP TABLE session_seats ON COMMIT DROP AS
                SELECT t.session_id, count(b.id) FILTER (WHERE b.status IN (%s))::int AS seats
                FROM touched_sessions t
                LEFT JOIN bookings b ON b.org_id = :org AND b.session_id = t.session_id
                GROUP BY t.session_id
                """.formatted(BookingStatus.seatHoldingValues()));
        sql.update("ALTER TABLE session_seats ADD PRIMARY KEY (session_id)");
        sql.update("ANALYZE session_seats");
        sql.update("""
                UPDATE class_sessions cs SET confirmed_count = c.seats, capacity = greatest(cs.capacity, c.seats)
                FROM session_seats c
                WHERE cs.org_id = :org AND cs.id = c.session_id AND cs.confirmed_count <> c.seats
                """);
    }
}
