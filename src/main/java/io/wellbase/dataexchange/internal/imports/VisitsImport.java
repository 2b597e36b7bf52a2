package io.wellbase.dataexchange.internal.imports;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Visits (attendance history). Each row is a client in a class at a time: the class session is
 * found or created (class types and locations by name, created when missing), and the visit
 * becomes a booking that was attended, late-cancelled or a no-show (from the flag columns or a
 * status in Mindbody's words, see {@link Vocabulary#VISIT_STATUS}). History does not use credits
 * and sends no messages. A row updates the visit it was imported as (Visit ID, or client, time and
 * class when the file has no visit ids).
 */
@Component
class VisitsImport implements KindImport {

    @Override
    public ImportKind kind() {
        return ImportKind.VISITS;
    }

    @Override
    public String stagingColumns() {
        return "ext_id text, client_ext text, visit_at timestamp, class_name text, staff_name text, "
                + "location_name text, late_cancel boolean, no_show boolean";
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String client = row.limited("clientId", 100);
        if (client == null) {
            throw row.problem("clientId", null, "is empty");
        }
        LocalDateTime at = row.dateTime("visitDate");
        if (at == null) {
            throw row.problem("visitDate", null, "is empty");
        }
        LocalTime time = row.time("visitTime");
        if (time != null) {
            at = at.toLocalDate().atTime(time);
        }
        String className = row.limited("className", 200);
        if (className == null) {
            throw row.problem("className", null, "is empty");
        }
        boolean lateCancel = row.flag("lateCancel");
        boolean noShow = row.flag("noShow");
        if (lateCancel && noShow) {
            throw row.problem("noShow", row.text("noShow"), "a visit cannot be both a late cancel and a no-show");
        }
        String status = row.term("status", Vocabulary.VISIT_STATUS,
                "imported as attended (confirmed when it is ahead) unless Late Cancel or No Show says otherwise").orElse(null);
        if (status != null) {
            if (status.equals("cancelled")) {
                throw row.problem("status", row.text("status"),
                        "is an early cancellation: the client gave the place back, so there is no visit to import");
            }
            if (status.equals("waitlisted")) {
                throw row.problem("status", row.text("status"),
                        "is a place on the waiting list, not a visit; waiting lists are not imported");
            }
            boolean statusLate = status.equals("late_cancelled");
            boolean statusNoShow = status.equals("no_show");
            if (lateCancel && !statusLate || noShow && !statusNoShow) {
                String flag = lateCancel ? "lateCancel" : "noShow";
                throw row.problem("status", row.text("status"), "disagrees with " + row.header(flag) + " "
                        + row.text(flag) + "; a visit has one outcome, so the row is not imported");
            }
            lateCancel = statusLate;
            noShow = statusNoShow;
        }
        String visitId = row.limited("externalId", 100);
        String key = visitId != null ? visitId : (client + "|" + at + "|" + className).toLowerCase(Locale.ROOT);
        return new Object[] {key, client, at, className, row.limited("staff", 200), row.limited("location", 200),
            lateCancel, noShow};
    }

    @Override
    public ImportCounts merge(MergeSql sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        ReferenceData.clients(sql, "client_ext");
        sql.reject("import_stage s", "NOT EXISTS (SELECT 1 FROM client_map m WHERE m.ext = s.client_ext AND m.client_id IS NOT NULL)",
                "clientId", "client_ext", "'no client has this Client ID; import clients first'");
        sql.reject("import_stage s", "EXISTS (SELECT 1 FROM client_map m WHERE m.ext = s.client_ext AND m.erased)",
                "clientId", "client_ext", "'this client was erased on request; their visits are not imported'");
        ReferenceData.locations(sql, "location_name");
        ReferenceData.classTypes(sql, "class_name", "NULL::int", "NULL::int");
        ReferenceData.staff(sql);
        ReferenceData.warnUnknownStaff(sql, "staff_name");
        sql.update("""
                CREATE TEMP TABLE visit_times ON COMMIT DROP AS
                SELECT t.id AS class_type_id, t.duration_minutes, t.default_capacity, l.id AS location_id, l.timezone,
                       s.visit_at, s.visit_at AT TIME ZONE l.timezone AS starts_at, count(*)::int AS visits,
                       (array_agg(st.user_id) FILTER (WHERE st.user_id IS NOT NULL))[1] AS instructor_id
                FROM import_stage s
                JOIN class_type_map t ON t.name_key = lower(s.class_name)
                JOIN location_map l ON l.name_key = lower(coalesce(s.location_name, ''))
                LEFT JOIN staff_map st ON st.name_key = lower(s.staff_name)
                GROUP BY t.id, t.duration_minutes, t.default_capacity, l.id, l.timezone, s.visit_at
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
        sql.update("UPDATE visit_times SET session_id = gen_random_uuid(), new_session = true WHERE session_id IS NULL");
        sql.update("""
                INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date,
                                            capacity, confirmed_count, instructor_id)
                SELECT g.session_id, :org, g.class_type_id, g.location_id, g.starts_at,
                       g.starts_at + make_interval(mins => g.duration_minutes), g.visit_at::date,
                       greatest(g.default_capacity, g.visits), 0, g.instructor_id
                FROM visit_times g
                WHERE g.new_session
                """);
        sql.update("ANALYZE visit_times");
        sql.update("""
                CREATE TEMP TABLE visit_rows ON COMMIT DROP AS
                SELECT s.row_no, s.new_id, s.ext_id, s.client_ext, m.client_id, g.session_id, g.starts_at,
                       CASE WHEN s.no_show THEN 'no_show' WHEN s.late_cancel THEN 'late_cancelled'
                            WHEN g.starts_at > now() THEN 'confirmed' ELSE 'attended' END AS status,
                       coalesce(imported.id, native.id) AS target_id
                FROM import_stage s
                JOIN client_map m ON m.ext = s.client_ext
                JOIN class_type_map t ON t.name_key = lower(s.class_name)
                JOIN location_map l ON l.name_key = lower(coalesce(s.location_name, ''))
                JOIN visit_times g ON g.class_type_id = t.id AND g.location_id = l.id AND g.visit_at = s.visit_at
                LEFT JOIN bookings imported ON imported.org_id = :org AND imported.import_ref = s.ext_id
                LEFT JOIN LATERAL (SELECT b.id FROM bookings b
                                   WHERE imported.id IS NULL AND NOT g.new_session
                                     AND b.org_id = :org AND b.session_id = g.session_id AND b.client_id = m.client_id
                                     AND b.import_ref IS NULL
                                   ORDER BY b.created_at DESC LIMIT 1) native ON true
                """);
        sql.update("ANALYZE visit_rows");
        sql.rejectDuplicates("visit_rows", "CASE WHEN status IN ('confirmed', 'attended') THEN client_id END, session_id",
                "client_ext", "clientId", "the same client is already in this class in row %s; only the first is imported");
        sql.reject("visit_rows v", """
                v.target_id IS NULL AND v.status IN ('confirmed', 'attended')
                AND EXISTS (SELECT 1 FROM bookings b WHERE b.org_id = :org AND b.session_id = v.session_id
                            AND b.client_id = v.client_id AND b.status IN ('confirmed', 'waitlisted', 'attended'))
                """, "clientId", "client_ext", "'the client already has a booking in this class under another visit id'");
        long created = sql.update("""
                INSERT INTO bookings (id, org_id, session_id, client_id, status, booked_by, created_at, confirmed_at,
                                      cancelled_at, checked_in_at, import_ref)
                SELECT new_id, :org, session_id, client_id, status, :user, starts_at, starts_at,
                       CASE WHEN status = 'late_cancelled' THEN starts_at END,
                       CASE WHEN status = 'attended' THEN starts_at END, ext_id
                FROM visit_rows WHERE target_id IS NULL
                ORDER BY session_id, client_id
                """);
        sql.update("CREATE INDEX ON visit_rows (target_id)");
        // the sessions whose counts change: those of the file, and those an updated visit moves out of
        sql.update("""
                CREATE TEMP TABLE touched_sessions ON COMMIT DROP AS
                SELECT session_id FROM visit_times
                UNION
                SELECT b.session_id FROM visit_rows v JOIN bookings b ON b.org_id = :org AND b.id = v.target_id
                WHERE v.target_id IS NOT NULL
                """);
        sql.update("ALTER TABLE touched_sessions ADD PRIMARY KEY (session_id)");
        sql.update("ANALYZE touched_sessions");
        long updated = sql.update("""
                UPDATE bookings b SET status = v.status, session_id = v.session_id, import_ref = v.ext_id,
                       cancelled_at = CASE WHEN v.status = 'late_cancelled' THEN v.starts_at END,
                       checked_in_at = CASE WHEN v.status = 'attended' THEN v.starts_at END
                FROM visit_rows v
                WHERE v.target_id = b.id AND b.org_id = :org
                  AND (b.status, b.session_id, b.import_ref) IS DISTINCT FROM (v.status, v.session_id, v.ext_id)
                """);
        sql.update("""
                CREATE TEMP TABLE session_seats ON COMMIT DROP AS
                SELECT t.session_id, count(b.id) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show'))::int AS seats
                FROM touched_sessions t
                LEFT JOIN bookings b ON b.org_id = :org AND b.session_id = t.session_id
                GROUP BY t.session_id
                """);
        sql.update("ALTER TABLE session_seats ADD PRIMARY KEY (session_id)");
        sql.update("ANALYZE session_seats");
        sql.update("""
                UPDATE class_sessions cs SET confirmed_count = c.seats, capacity = greatest(cs.capacity, c.seats)
                FROM session_seats c
                WHERE cs.org_id = :org AND cs.id = c.session_id AND cs.confirmed_count <> c.seats
                """);
        long matched = sql.count("SELECT count(*) FROM visit_rows WHERE target_id IS NOT NULL");
        return new ImportCounts(created, updated, matched - updated, 0, 0);
    }
}
