package io.wellbase.dataexchange.internal.imports;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a client holds of a plan: memberships and contracts, or class packs with the classes that
 * remain. Plans are found by name or created (price unknown, so 0; the studio prices them later).
 * A holding's status follows its dates unless the file says otherwise. Remaining classes become
 * the credit balance: a grant of the pack's count and an adjustment for what was used before, and
 * on a later import an adjustment to the new balance; the ledger is never rewritten.
 */
abstract class PlanHoldingsImport implements KindImport {

    /** A class pack without an expiry date is kept this long. */
    static final int YEARS_WITHOUT_EXPIRY = 10;

    abstract String entityType();

    abstract String planKind();

    @Override
    public String stagingColumns() {
        return "ext_id text, client_ext text, plan_name text, starts_on date, ends_on date, credits int, remaining int, status text";
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String client = row.requiredText("clientId");
        String plan = row.limited("plan", 200);
        if (plan == null) {
            throw row.problem("plan", null, "is empty");
        }
        LocalDate start = row.date("startDate");
        if (start == null) {
            throw row.problem("startDate", null, "is empty");
        }
        LocalDate end = row.date("endDate");
        if (end != null && end.isBefore(start)) {
            throw row.problem("endDate", row.text("endDate"), "is before the start date");
        }
        Integer count = row.integer("count", 1, 100_000);
        Integer remaining = row.integer("remaining", 0, 100_000);
        if (count != null && remaining != null && remaining > count) {
            throw row.problem("remaining", row.text("remaining"), "is more than the count of " + count);
        }
        String id = row.limited("externalId", 100);
        String key = id != null ? id : (client + "|" + plan + "|" + start).toLowerCase(Locale.ROOT);
        return new Object[] {key, client, plan, start, end, count, remaining, status(row)};
    }

    /** Mindbody's words and the usual ones; an unknown word leaves the status to the dates. */
    private static String status(ImportRow row) {
        return row.term("status", Vocabulary.MEMBERSHIP_STATUS,
                "the status follows the dates instead (pending before the start, expired after the end, else active)")
                .orElse(null);
    }

    @Override
    public ImportCounts merge(MergeSql sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        ReferenceData.clients(sql, "client_ext");
        sql.reject("import_stage s", "NOT EXISTS (SELECT 1 FROM client_map m WHERE m.ext = s.client_ext AND m.client_id IS NOT NULL AND NOT m.erased)",
                "clientId", "client_ext", "'no client has this Client ID (or the client was erased); import clients first'");
        sql.update("""
                INSERT INTO membership_plans (id, org_id, name, kind, price_amount, currency, credits, period_unit, period_count)
                SELECT gen_random_uuid(), :org, n.name, '%s', 0, :currency, n.credits, 'month', 1
                FROM (SELECT min(plan_name) AS name, max(coalesce(credits, remaining)) FILTER (WHERE coalesce(credits, remaining) > 0) AS credits
                      FROM import_stage GROUP BY lower(plan_name)) n
                WHERE NOT EXISTS (SELECT 1 FROM membership_plans p WHERE p.org_id = :org AND p.archived_at IS NULL
                                  AND lower(p.name) = lower(n.name))
                """.formatted(planKind()));
        sql.update("""
                CREATE TEMP TABLE holding_rows ON COMMIT DROP AS
                SELECT s.row_no, s.new_id, s.ext_id, m.client_id, p.id AS plan_id, s.starts_on,
                       coalesce(s.ends_on, s.starts_on + make_interval(years => %d))::date AS ends_on,
                       coalesce(s.status, CASE WHEN coalesce(s.ends_on, s.starts_on + make_interval(years => %d)) < :today THEN 'expired'
                                               WHEN s.starts_on > :today THEN 'pending' ELSE 'active' END) AS status,
                       s.credits, s.remaining, k.entity_id AS target_id
                FROM import_stage s
                JOIN client_map m ON m.ext = s.client_ext
                JOIN LATERAL (SELECT id FROM membership_plans p WHERE p.org_id = :org AND p.archived_at IS NULL
                              AND lower(p.name) = lower(s.plan_name) ORDER BY created_at, id LIMIT 1) p ON true
                LEFT JOIN import_keys k ON k.org_id = :org AND k.entity_type = '%s' AND k.external_id = s.ext_id
                """.formatted(YEARS_WITHOUT_EXPIRY, YEARS_WITHOUT_EXPIRY, entityType()));
        sql.update("CREATE INDEX ON holding_rows (target_id)");
        sql.update("ANALYZE holding_rows");
        long created = sql.update("""
                INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on)
                SELECT new_id, :org, client_id, plan_id, status, starts_on, ends_on FROM holding_rows WHERE target_id IS NULL
                """);
        sql.update("""
                INSERT INTO import_keys (org_id, entity_type, external_id, entity_id)
                SELECT :org, '%s', ext_id, new_id FROM holding_rows WHERE target_id IS NULL
                """.formatted(entityType()));
        sql.update("""
                INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, note, created_by)
                SELECT gen_random_uuid(), :org, client_id, new_id, coalesce(credits, remaining), 'grant', 'Imported', :user
                FROM holding_rows WHERE target_id IS NULL AND coalesce(credits, remaining) > 0
                UNION ALL
                SELECT gen_random_uuid(), :org, client_id, new_id, remaining - credits, 'adjustment',
                       'Imported: used before the import', :user
                FROM holding_rows WHERE target_id IS NULL AND remaining < credits
                """);
        sql.update("""
                UPDATE client_memberships c SET plan_id = r.plan_id, status = r.status, starts_on = r.starts_on,
                       ends_on = r.ends_on, updated_at = now(), version = c.version + 1
                FROM holding_rows r
                WHERE r.target_id = c.id AND c.org_id = :org
                  AND (c.plan_id, c.status, c.starts_on, c.ends_on) IS DISTINCT FROM (r.plan_id, r.status, r.starts_on, r.ends_on)
                """);
        sql.update("""
                CREATE TEMP TABLE balance_changes ON COMMIT DROP AS
                SELECT r.target_id, r.client_id, r.remaining - coalesce(b.balance, 0) AS delta
                FROM holding_rows r
                CROSS JOIN LATERAL (SELECT sum(l.delta) AS balance FROM credit_ledger l
                                    WHERE l.org_id = :org AND l.membership_id = r.target_id) b
                WHERE r.target_id IS NOT NULL AND r.remaining IS NOT NULL AND r.remaining <> coalesce(b.balance, 0)
                """);
        sql.update("ANALYZE balance_changes");
        sql.update("""
                INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, note, created_by)
                SELECT gen_random_uuid(), :org, client_id, target_id, delta, 'adjustment', 'Imported balance', :user
                FROM balance_changes
                """);
        long updated = sql.count("""
                SELECT count(*) FROM holding_rows r
                WHERE r.target_id IN (SELECT target_id FROM balance_changes)
                   OR EXISTS (SELECT 1 FROM client_memberships c WHERE c.id = r.target_id AND c.updated_at = now()) -- now() is when this transaction began
                """);
        long matched = sql.count("SELECT count(*) FROM holding_rows WHERE target_id IS NOT NULL");
        return new ImportCounts(created, updated, matched - updated, 0, 0);
    }
}
