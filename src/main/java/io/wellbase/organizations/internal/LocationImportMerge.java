package io.wellbase.organizations.internal;

import io.wellbase.organizations.LocationImports;
import io.wellbase.platform.imports.ImportStage;
import org.springframework.stereotype.Component;

/**
 * {@link LocationImports}: finds or creates the locations a file names. The names are matched without case
 * once per spelling ({@code DISTINCT} first), not once per row of a file of a million rows.
 */
@Component
class LocationImportMerge implements LocationImports {

    @Override
    public void mapLocations(ImportStage sql, String column) {
        sql.update("""
                INSERT INTO locations (id, org_id, name, timezone, created_at)
                SELECT gen_random_uuid(), :org, 'Main', :zone, clock_timestamp()
                WHERE NOT EXISTS (SELECT 1 FROM locations WHERE org_id = :org AND archived_at IS NULL)
                  AND EXISTS (SELECT 1 FROM import_stage WHERE %s IS NULL)
                """.formatted(column));
        sql.update("""
                INSERT INTO locations (id, org_id, name, timezone, created_at)
                SELECT gen_random_uuid(), :org, n.name, :zone, clock_timestamp()
                FROM (SELECT min(d.name) AS name
                      FROM (SELECT DISTINCT %1$s AS name FROM import_stage WHERE %1$s IS NOT NULL) d
                      GROUP BY lower(d.name)) n
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
}
