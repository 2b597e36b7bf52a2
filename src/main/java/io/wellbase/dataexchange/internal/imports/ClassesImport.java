package io.wellbase.dataexchange.internal.imports;

import io.wellbase.scheduling.SessionHorizon;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Classes and schedules: each row is a weekly class (name, days, time, location, teacher). Class
 * types are found by name or created, and a weekly schedule is created or updated (found by the
 * Class ID it was imported with, or by its Wellbase id as the classes export writes it); its
 * upcoming sessions are generated once the import has committed.
 */
@Component
class ClassesImport implements KindImport {

    private final SessionHorizon horizon;

    ClassesImport(SessionHorizon horizon) {
        this.horizon = horizon;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CLASSES;
    }

    @Override
    public String stagingColumns() {
        return "ext_id text, class_name text, description text, category text, location_name text, staff_name text, "
                + "weekdays smallint[], start_time time, duration int, capacity int, start_date date, end_date date";
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String name = row.limited("className", 200);
        if (name == null) {
            throw row.problem("className", null, "is empty");
        }
        Set<DayOfWeek> days = new TreeSet<>(row.weekdays("days"));
        LocalTime start = row.time("startTime");
        if (start == null) {
            throw row.problem("startTime", null, "is empty");
        }
        LocalDate first = row.date("startDate");
        LocalDate last = row.date("endDate");
        if (first != null && last != null && last.isBefore(first)) {
            throw row.problem("endDate", row.text("endDate"), "is before the start date");
        }
        String location = row.limited("location", 200);
        String id = row.limited("externalId", 100);
        String key = id != null ? id : (name + "|" + location + "|" + days + "|" + start).toLowerCase(Locale.ROOT);
        return new Object[] {key, name, row.limited("description", 2000), row.limited("category", 100), location,
            row.limited("staff", 200), days, start, row.integer("duration", 5, 1440), row.integer("capacity", 1, 10000),
            first, last};
    }

    @Override
    public ImportCounts merge(MergeSql sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        ReferenceData.locations(sql, "location_name");
        ReferenceData.classTypes(sql, "class_name", "duration", "capacity");
        ReferenceData.staff(sql);
        ReferenceData.warnUnknownStaff(sql, "staff_name");
        sql.update("""
                UPDATE class_types t SET description = coalesce(d.description, t.description),
                       category = coalesce(d.category, t.category), updated_at = now()
                FROM (SELECT m.id, max(s.description) AS description, max(s.category) AS category
                      FROM import_stage s JOIN class_type_map m ON m.name_key = lower(s.class_name)
                      GROUP BY m.id) d
                WHERE t.org_id = :org AND t.id = d.id
                  AND (t.description, t.category) IS DISTINCT FROM (coalesce(d.description, t.description),
                                                                    coalesce(d.category, t.category))
                """);
        sql.update("""
                CREATE TEMP TABLE schedule_rows ON COMMIT DROP AS
                SELECT s.row_no, s.new_id, s.ext_id, t.id AS class_type_id, l.id AS location_id, l.timezone,
                       s.weekdays, s.start_time, coalesce(s.duration, t.duration_minutes) AS duration,
                       coalesce(s.capacity, t.default_capacity) AS capacity,
                       CASE WHEN st.user_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[st.user_id] END AS instructor_ids,
                       coalesce(s.start_date, :today) AS first_date, s.end_date AS last_date,
                       coalesce(k.entity_id, own.id) AS target_id
                FROM import_stage s
                JOIN class_type_map t ON t.name_key = lower(s.class_name)
                JOIN location_map l ON l.name_key = lower(coalesce(s.location_name, ''))
                LEFT JOIN staff_map st ON st.name_key = lower(s.staff_name)
                LEFT JOIN import_keys k ON k.org_id = :org AND k.entity_type = 'class_schedule' AND k.external_id = s.ext_id
                LEFT JOIN class_schedules own ON k.entity_id IS NULL AND own.org_id = :org AND own.archived_at IS NULL
                      AND own.id = CASE WHEN s.ext_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                        THEN s.ext_id::uuid END
                """);
        sql.update("CREATE INDEX ON schedule_rows (target_id)");
        sql.update("ANALYZE schedule_rows");
        long created = sql.update("""
                INSERT INTO class_schedules (id, org_id, class_type_id, location_id, weekdays, start_time,
                                             duration_minutes, capacity, instructor_ids, first_date, last_date, timezone)
                SELECT new_id, :org, class_type_id, location_id, weekdays, start_time, duration, capacity,
                       instructor_ids, first_date, last_date, timezone
                FROM schedule_rows WHERE target_id IS NULL
                """);
        sql.update("""
                INSERT INTO import_keys (org_id, entity_type, external_id, entity_id)
                SELECT :org, 'class_schedule', ext_id, new_id FROM schedule_rows WHERE target_id IS NULL
                """);
        long updated = sql.update("""
                UPDATE class_schedules c SET class_type_id = r.class_type_id, location_id = r.location_id,
                       weekdays = r.weekdays, start_time = r.start_time, duration_minutes = r.duration,
                       capacity = r.capacity, instructor_ids = r.instructor_ids, last_date = r.last_date,
                       timezone = r.timezone, updated_at = now()
                FROM schedule_rows r
                WHERE r.target_id = c.id AND c.org_id = :org
                  AND (c.class_type_id, c.location_id, c.weekdays, c.start_time, c.duration_minutes, c.capacity,
                       c.instructor_ids, c.last_date, c.timezone)
                      IS DISTINCT FROM
                      (r.class_type_id, r.location_id, r.weekdays, r.start_time, r.duration, r.capacity,
                       r.instructor_ids, r.last_date, r.timezone)
                """);
        long matched = sql.count("SELECT count(*) FROM schedule_rows WHERE target_id IS NOT NULL");
        return new ImportCounts(created, updated, matched - updated, 0, 0);
    }

    @Override
    public void afterCommit(ImportContext context) {
        horizon.extend(context.orgId());
    }
}
