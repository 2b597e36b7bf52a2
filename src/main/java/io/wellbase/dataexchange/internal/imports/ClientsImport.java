package io.wellbase.dataexchange.internal.imports;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Clients. A row updates the client it was imported as before (its Client ID), or the client whose
 * Wellbase id or Mindbody id it carries (a Wellbase export imported again); without an id, the
 * email or the name and birth date stand in as its key. Empty cells never erase what is known.
 * Clients sharing an email are imported separately and flagged, never merged silently.
 */
@Component
class ClientsImport implements KindImport {

    @Override
    public ImportKind kind() {
        return ImportKind.CLIENTS;
    }

    @Override
    public String stagingColumns() {
        return "ext_id text, source_id text, first_name text, last_name text, email text, mobile_phone text, "
                + "phone text, birth_date date, gender text, line1 text, city text, region text, postal_code text, "
                + "country text, status text, source text, created_at timestamp";
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String sourceId = row.limited("externalId", 100);
        String first = row.requiredText("firstName");
        String last = row.requiredText("lastName");
        if (first.length() > 100 || last.length() > 100) {
            throw row.problem(first.length() > 100 ? "firstName" : "lastName", null, "is longer than 100 characters");
        }
        String email = row.email("email");
        var birth = row.date("birthDate");
        String key = sourceId != null ? sourceId
                : email != null ? "email:" + email.toLowerCase(Locale.ROOT)
                : "name:" + (first + "|" + last + "|" + birth).toLowerCase(Locale.ROOT);
        return new Object[] {key, sourceId, first, last, email, row.limited("mobilePhone", 40),
            row.limited("homePhone", 40), birth, row.limited("gender", 40), row.limited("address", 200),
            row.limited("city", 100), row.limited("state", 100), row.limited("postalCode", 20), country(row),
            status(row), row.limited("source", 100), row.dateTime("createdAt")};
    }

    private static String country(ImportRow row) throws RowProblem {
        String value = row.text("country");
        if (value == null) {
            return null;
        }
        String code = Countries.code(value);
        if (code == null) {
            throw row.problem("country", value, "is not a country (use a name or a two-letter code)");
        }
        return code;
    }

    /** Mindbody's words and the usual ones; an unknown word keeps what is known, or active for a new client. */
    private static String status(ImportRow row) {
        return row.term("status", Vocabulary.CLIENT_STATUS,
                "imported as active (a client that already exists keeps its status)").orElse(null);
    }

    @Override
    public ImportCounts merge(MergeSql sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        sql.update("ALTER TABLE import_stage ADD COLUMN target_id uuid, ADD COLUMN erased boolean");
        sql.update("""
                UPDATE import_stage s SET target_id = coalesce(c.merged_into_id, c.id), erased = c.erased_at IS NOT NULL
                FROM import_keys k JOIN clients c ON c.org_id = k.org_id AND c.id = k.entity_id
                WHERE k.org_id = :org AND k.entity_type = 'client' AND k.external_id = s.ext_id
                """);
        sql.update("""
                UPDATE import_stage s SET (target_id, erased) = (
                    SELECT coalesce(c.merged_into_id, c.id), c.erased_at IS NOT NULL FROM clients c
                    WHERE c.org_id = :org AND c.id = s.source_id::uuid)
                WHERE s.target_id IS NULL AND s.source_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                """);
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
        long created = sql.update("""
                INSERT INTO clients (id, org_id, first_name, last_name, email, mobile_phone, phone, birth_date, gender,
                                     line1, city, region, postal_code, country, status, source, external_ids, created_at)
                SELECT new_id, :org, first_name, last_name, email, mobile_phone, phone, birth_date, gender, line1, city,
                       region, postal_code, country, coalesce(status, 'active'), source,
                       CASE WHEN source_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('mindbody', source_id) END,
                       coalesce(created_at AT TIME ZONE :zone, now())
                FROM import_stage WHERE target_id IS NULL
                """);
        sql.update("""
                INSERT INTO import_keys (org_id, entity_type, external_id, entity_id)
                SELECT :org, 'client', ext_id, coalesce(target_id, new_id) FROM import_stage
                ON CONFLICT (org_id, entity_type, external_id) DO UPDATE SET entity_id = EXCLUDED.entity_id
                """);
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
        long matched = sql.count("SELECT count(*) FROM import_stage WHERE target_id IS NOT NULL");
        return new ImportCounts(created, updated, matched - updated, 0, 0);
    }
}
