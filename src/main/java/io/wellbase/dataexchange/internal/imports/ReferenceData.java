package io.wellbase.dataexchange.internal.imports;

/**
 * Lookups that several kinds share, built once per import as small temporary tables keyed by the
 * lower-cased name in the file: clients by their imported id, locations, class types and staff.
 * Locations and class types that do not exist yet are created; clients and staff never are.
 */
final class ReferenceData {

    private ReferenceData() {
    }

    /**
     * {@code client_map(ext, client_id, erased)} for the distinct values of {@code column}: by an
     * earlier import's key, by Wellbase id, or by the Mindbody id kept on the client; merged clients
     * resolve to the client they were merged into.
     */
    static void clients(MergeSql sql, String column) {
        sql.update("""
                CREATE TEMP TABLE client_map ON COMMIT DROP AS
                WITH wanted AS (SELECT DISTINCT %s AS ext FROM import_stage)
                SELECT w.ext, coalesce(c.merged_into_id, c.id) AS client_id, c.erased_at IS NOT NULL AS erased
                FROM wanted w
                LEFT JOIN LATERAL (
                    SELECT c.* FROM import_keys k JOIN clients c ON c.org_id = k.org_id AND c.id = k.entity_id
                    WHERE k.org_id = :org AND k.entity_type = 'client' AND k.external_id = w.ext
                    UNION ALL
                    SELECT c.* FROM clients c
                    WHERE c.org_id = :org AND w.ext ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                      AND c.id = w.ext::uuid
                    UNION ALL
                    SELECT c.* FROM clients c
                    WHERE c.org_id = :org AND c.external_ids @> jsonb_build_object('mindbody', w.ext)
                    LIMIT 1
                ) c ON true
                """.formatted(column));
        sql.update("ANALYZE client_map");
        sql.update("CREATE UNIQUE INDEX ON client_map (ext)");
    }

    /**
     * {@code location_map(name_key, id, timezone)}: each distinct location name of {@code column},
     * created when missing (in the organization's zone); an empty name maps to the oldest location,
     * created as "Main" when the organization has none.
     */
    static void locations(MergeSql sql, String column) {
        sql.update("""
                INSERT INTO locations (id, org_id, name, timezone, created_at)
                SELECT gen_random_uuid(), :org, 'Main', :zone, clock_timestamp()
                WHERE NOT EXISTS (SELECT 1 FROM locations WHERE org_id = :org AND archived_at IS NULL)
                  AND EXISTS (SELECT 1 FROM import_stage WHERE %s IS NULL)
                """.formatted(column));
        sql.update("""
                INSERT INTO locations (id, org_id, name, timezone, created_at)
                SELECT gen_random_uuid(), :org, n.name, :zone, clock_timestamp()
                FROM (SELECT min(%1$s) AS name FROM import_stage WHERE %1$s IS NOT NULL GROUP BY lower(%1$s)) n
                WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.org_id = :org AND l.archived_at IS NULL
                                  AND lower(l.name) = lower(n.name))
                """.formatted(column));
        sql.update("""
                CREATE TEMP TABLE location_map ON COMMIT DROP AS
                SELECT DISTINCT ON (lower(name)) lower(name) AS name_key, id, timezone
                FROM locations WHERE org_id = :org AND archived_at IS NULL
                ORDER BY lower(name), created_at, id
                """);
        sql.update("ANALYZE location_map");
        sql.update("""
                INSERT INTO location_map (name_key, id, timezone)
                SELECT '', id, timezone FROM locations WHERE org_id = :org AND archived_at IS NULL
                ORDER BY created_at, id LIMIT 1
                """);
    }

    /** {@code class_type_map(name_key, id, duration_minutes, capacity)}, creating missing class types. */
    static void classTypes(MergeSql sql, String column, String durationExpression, String capacityExpression) {
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

    /** {@code staff_map(name_key, user_id)}: the organization's members by "First Last" or "Last, First". */
    static void staff(MergeSql sql) {
        sql.update("""
                CREATE TEMP TABLE staff_map ON COMMIT DROP AS
                SELECT DISTINCT ON (name_key) name_key, user_id
                FROM (SELECT lower(u.first_name || ' ' || u.last_name) AS name_key, u.id AS user_id, m.created_at
                      FROM org_members m JOIN users u ON u.id = m.user_id
                      WHERE m.org_id = :org AND u.erased_at IS NULL
                      UNION ALL
                      SELECT lower(u.last_name || ', ' || u.first_name), u.id, m.created_at
                      FROM org_members m JOIN users u ON u.id = m.user_id
                      WHERE m.org_id = :org AND u.erased_at IS NULL) names
                ORDER BY name_key, created_at
                """);
        sql.update("ANALYZE staff_map");
    }

    /** Warns once per staff name that is not a member (the rows are imported without instructor). */
    static void warnUnknownStaff(MergeSql sql, String column) {
        sql.warn("""
                SELECT min(s.row_no) AS row_no, min(s.%1$s) AS value,
                       'no staff member is called ' || min(s.%1$s) || '; ' || count(*)
                       || ' rows imported without an instructor (import staff first to link them)' AS message
                FROM import_stage s LEFT JOIN staff_map m ON m.name_key = lower(s.%1$s)
                WHERE s.%1$s IS NOT NULL AND m.user_id IS NULL
                GROUP BY lower(s.%1$s)
                """.formatted(column), "staff");
    }
}
