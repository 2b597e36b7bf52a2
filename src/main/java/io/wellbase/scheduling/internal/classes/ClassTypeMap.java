package io.wellbase.scheduling.internal.classes;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;

/** The class types an import names, found by name or created. */
final class ClassTypeMap {

    private ClassTypeMap() {}

    /**
     * Builds {@code class_type_map(name_key, id, duration_minutes, default_capacity)} for the names of a
     * staged column, creating the missing class types with the given duration and capacity (60 minutes
     * and 20 places when the expressions are null). The rows are grouped by their spelling before the names
     * are matched without case, so {@code lower()} runs once per spelling rather than once per row.
     */
    static void build(ImportStage sql, String column, String durationExpression, String capacityExpression) {
        sql.update("""
                INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity)
                SELECT gen_random_uuid(), :org, n.name, n.duration, n.capacity
                FROM (SELECT min(r.name) AS name, coalesce(max(r.duration), 60) AS duration,
                             coalesce(max(r.capacity), 20) AS capacity
                      FROM (SELECT %1$s AS name, max(%2$s) AS duration, max(%3$s) AS capacity
                            FROM import_stage GROUP BY %1$s) r
                      GROUP BY lower(r.name)) n
                WHERE NOT EXISTS (SELECT 1 FROM class_types t WHERE t.org_id = :org AND t.archived_at IS NULL
                                  AND lower(t.name) = lower(n.name))
                """.formatted(column, durationExpression, capacityExpression));
        sql.update("""
                CREATE TEMP TABLE class_type_map ON COMMIT DROP AS
                SELECT DISTINCT ON (lower(name)) lower(name) AS name_key, id, duration_minutes, default_capacity
                FROM class_types WHERE org_id = :org AND archived_at IS NULL
                ORDER BY lower(name), created_at, id
                """);
        sql.update("ANALYZE class_type_map");
    }

    /** Tells search of the class types of {@code class_type_map}, once the import has written them. */
    static void indexed(ImportStage sql, SearchIndex search) {
        search.changed(SearchType.CLASS_TYPE, sql.organizationId(), sql.ids("SELECT id FROM class_type_map"));
    }
}
