package io.wellbase.clients.internal;

import io.wellbase.clients.ClientImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import io.wellbase.platform.plans.Limit;
import io.wellbase.platform.plans.PlanGate;
import io.wellbase.platform.plans.PlanRefusal;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@link ClientImports}: set-based SQL over the staged rows, inside the import's transaction. */
@Component
class ClientImportMerge implements ClientImports {

    private final ClientListCache listCache;
    private final SearchIndex search;
    private final ObjectProvider<PlanGate> plans;

    ClientImportMerge(ClientListCache listCache, SearchIndex search, ObjectProvider<PlanGate> plans) {
        this.listCache = listCache;
        this.search = search;
        this.plans = plans;
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        listCache.changed(sql.organizationId());
        sql.update("ALTER TABLE import_stage ADD COLUMN target_id uuid, ADD COLUMN erased boolean");
        sql.update("""
                UPDATE import_stage s SET target_id = coalesce(c.merged_into_id, c.id), erased = c.erased_at IS NOT NULL
                FROM %s k JOIN clients c ON c.org_id = :org AND c.id = k.entity_id
                WHERE k.external_id = s.ext_id
                """.formatted(sql.importedIds("client")));
        sql.update("""
                UPDATE import_stage s SET (target_id, erased) = (
                    SELECT coalesce(c.merged_into_id, c.id), c.erased_at IS NOT NULL FROM clients c
                    WHERE c.org_id = :org AND c.id = s.source_id::uuid)
                WHERE s.target_id IS NULL AND s.source_id ~* %s
                """.formatted(ImportStage.UUID_TEXT));
        sql.update("CREATE INDEX ON import_stage (source_id)");
        sql.update("""
                UPDATE import_stage s SET target_id = coalesce(c.merged_into_id, c.id), erased = c.erased_at IS NOT NULL
                FROM clients c
                WHERE s.target_id IS NULL AND s.source_id IS NOT NULL
                  AND c.org_id = :org AND c.external_ids ->> 'mindbody' = s.source_id
                """);
        sql.reject("erased", "externalId", "ext_id", "this client was erased on request and is not imported again");
        sql.warn("""
                SELECT s.row_no, s.email AS value,
                       'shares its email with row ' || min(o.row_no) || '; imported as a separate client, not merged' AS message
                FROM import_stage s JOIN import_stage o
                  ON lower(o.email) = lower(s.email) AND o.ext_id <> s.ext_id AND o.row_no < s.row_no
                GROUP BY s.row_no, s.email
                """, "email");
        sql.warn("""
                SELECT s.row_no, s.email AS value,
                       'shares its email with client ' || c.id || '; imported as a separate client, not merged' AS message
                FROM import_stage s
                CROSS JOIN LATERAL (SELECT min(c.id::text) AS id FROM clients c
                                    WHERE c.org_id = :org AND c.email_normalized = lower(trim(s.email))
                                      AND c.merged_into_id IS NULL AND c.id IS DISTINCT FROM s.target_id) c
                WHERE s.email IS NOT NULL AND c.id IS NOT NULL
                """, "email");
        sql.update("CREATE INDEX ON import_stage (target_id)");
        sql.update("ANALYZE import_stage");
        requireRoomForNewActiveClients(sql);
        long created = sql.update("""
                INSERT INTO clients (id, org_id, first_name, last_name, email, mobile_phone, phone, birth_date, gender,
                                     line1, city, region, postal_code, country, status, source, external_ids, created_at)
                SELECT new_id, :org, first_name, last_name, email, mobile_phone, phone, birth_date, gender, line1, city,
                       region, postal_code, country, coalesce(status, 'active'), source,
                       CASE WHEN source_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('mindbody', source_id) END,
                       coalesce(created_at AT TIME ZONE :zone, now())
                FROM import_stage WHERE target_id IS NULL
                """);
        sql.rememberIds("client", "SELECT ext_id, coalesce(target_id, new_id) FROM import_stage");
        long updated = sql.update("""
                UPDATE clients c SET first_name = s.first_name, last_name = s.last_name,
                       email = coalesce(s.email, c.email), mobile_phone = coalesce(s.mobile_phone, c.mobile_phone),
                       phone = coalesce(s.phone, c.phone), birth_date = coalesce(s.birth_date, c.birth_date),
                       gender = coalesce(s.gender, c.gender), line1 = coalesce(s.line1, c.line1),
                       city = coalesce(s.city, c.city), region = coalesce(s.region, c.region),
                       postal_code = coalesce(s.postal_code, c.postal_code), country = coalesce(s.country, c.country),
                       status = coalesce(s.status, c.status), source = coalesce(s.source, c.source),
                       updated_at = now(), version = c.version + 1
                FROM import_stage s
                WHERE s.target_id = c.id AND c.org_id = :org
                  AND (c.first_name, c.last_name, c.email, c.mobile_phone, c.phone, c.birth_date, c.gender, c.line1,
                       c.city, c.region, c.postal_code, c.country, c.status, c.source)
                      IS DISTINCT FROM
                      (s.first_name, s.last_name, coalesce(s.email, c.email), coalesce(s.mobile_phone, c.mobile_phone),
                       coalesce(s.phone, c.phone), coalesce(s.birth_date, c.birth_date), coalesce(s.gender, c.gender),
                       coalesce(s.line1, c.line1), coalesce(s.city, c.city), coalesce(s.region, c.region),
                       coalesce(s.postal_code, c.postal_code), coalesce(s.country, c.country),
                       coalesce(s.status, c.status), coalesce(s.source, c.source))
                """);
        search.changed(
                SearchType.CLIENT,
                sql.organizationId(),
                sql.ids("SELECT coalesce(target_id, new_id) FROM import_stage WHERE NOT coalesce(erased, false)"));
        long matched = sql.count("SELECT count(*) FROM import_stage WHERE target_id IS NOT NULL");
        return new MergeResult(created, updated, matched - updated);
    }

    /** The plan's active-clients limit holds for an import as for a single client: all of them fit, or none. */
    private void requireRoomForNewActiveClients(ImportStage sql) {
        PlanGate gate = plans.getIfAvailable(() -> PlanGate.UNLOCKED);
        long room = gate.room(sql.organizationId(), Limit.ACTIVE_CLIENTS);
        if (room == Long.MAX_VALUE) {
            return;
        }
        long adding = sql.count(
                "SELECT count(*) FROM import_stage WHERE target_id IS NULL AND coalesce(status, 'active') = 'active'");
        if (adding > room) {
            throw PlanRefusal.limitReached(Limit.ACTIVE_CLIENTS, adding, room);
        }
    }

    @Override
    public void mapClients(ImportStage sql, String column) {
        sql.update("""
                CREATE TEMP TABLE client_map ON COMMIT DROP AS
                WITH wanted AS (SELECT DISTINCT %1$s AS ext FROM import_stage)
                SELECT w.ext, coalesce(c.merged_into_id, c.id) AS client_id, c.erased_at IS NOT NULL AS erased
                FROM wanted w
                LEFT JOIN LATERAL (
                    SELECT c.* FROM %2$s k JOIN clients c ON c.org_id = :org AND c.id = k.entity_id
                    WHERE k.external_id = w.ext
                    UNION ALL
                    SELECT c.* FROM clients c
                    WHERE c.org_id = :org AND w.ext ~* %3$s AND c.id = w.ext::uuid
                    UNION ALL
                    SELECT c.* FROM clients c
                    WHERE c.org_id = :org AND c.external_ids @> jsonb_build_object('mindbody', w.ext)
                    LIMIT 1
                ) c ON true
                """.formatted(column, sql.importedIds("client"), ImportStage.UUID_TEXT));
        sql.update("ANALYZE client_map");
        sql.update("CREATE UNIQUE INDEX ON client_map (ext)");
    }
}
