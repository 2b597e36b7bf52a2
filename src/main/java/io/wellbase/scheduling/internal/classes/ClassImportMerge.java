package io.wellbase.scheduling.internal.classes;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import io.wellbase.scheduling.ClassImports;
import io.wellbase.search.SearchIndex;
import org.springframework.stereotype.Component;

/** {@link ClassImports}: weekly classes here, visits in {@link VisitImportMerge}. */
@Component
class ClassImportMerge implements ClassImports {

    private final VisitImportMerge visits;

    private final SearchIndex search;

    ClassImportMerge(VisitImportMerge visits, SearchIndex search) {
        this.visits = visits;
        this.search = search;
    }

    @Override
    public MergeResult mergeVisits(ImportStage stage) {
        return visits.merge(stage);
    }

    @Override
    public MergeResult mergeClasses(ImportStage sql) {
        ClassTypeMap.build(sql, "class_name", "duration", "capacity");
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
        ClassTypeMap.indexed(sql, search);
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
                LEFT JOIN %s k ON k.external_id = s.ext_id
                LEFT JOIN class_schedules own ON k.entity_id IS NULL AND own.org_id = :org AND own.archived_at IS NULL
                      AND own.id = CASE WHEN s.ext_id ~* %s
                                        THEN s.ext_id::uuid END
                """.formatted(sql.importedIds("class_schedule"), ImportStage.UUID_TEXT));
        sql.update("CREATE INDEX ON schedule_rows (target_id)");
        sql.update("ANALYZE schedule_rows");
        long created = sql.update("""
                INSERT INTO class_schedules (id, org_id, class_type_id, location_id, weekdays, start_time,
                                             duration_minutes, capacity, instructor_ids, first_date, last_date, timezone)
                SELECT new_id, :org, class_type_id, location_id, weekdays, start_time, duration, capacity,
                       instructor_ids, first_date, last_date, timezone
                FROM schedule_rows WHERE target_id IS NULL
                """);
        sql.rememberIds("class_schedule", "SELECT ext_id, new_id FROM schedule_rows WHERE target_id IS NULL");
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
        return new MergeResult(created, updated, matched - updated);
    }
}
