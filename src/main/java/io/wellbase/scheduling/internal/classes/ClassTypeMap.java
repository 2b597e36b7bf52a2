package io.wellbase.scheduling.internal.classes;

import io.wellbase.platform.imports.ImportStage;

/** The class types an import names, found by name or created. */
final class ClassTypeMap {

    private ClassTypeMap() {}

    /**
     * Builds {@code class_type_map(name_key, id, duration_minutes, default_capacity)} for the names of a
     * staged column, creating the missing class types with the given duration and capacity (60 minutes
     * and 20 places when the expressions are null).
     */
    static void build(ImportStage sql, String column, String durationExpression, String capacityExpression) {
        sql.update("""
                INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity)
                SELECT gen_random_uuid(), :org, n.name, n.duration, n.capacity
                FROM (SELECT min(%1$s) AS name, coalesce(max(%2$s), 60) AS duration, coalesce(max(%3$s), 20) AS capacity
                      FROM import_stage GROUP BY lower(%1$s)) n
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
}
