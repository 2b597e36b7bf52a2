package io.wellbase.memberships.internal;

import io.wellbase.memberships.MembershipImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import org.springframework.stereotype.Component;

/** {@link MembershipImports}: set-based SQL over the staged rows, inside the import's transaction. */
@Component
class MembershipImportMerge implements MembershipImports {

    @Override
    public MergeResult mergeSales(ImportStage sql) {
        sql.update("""
                CREATE TEMP TABLE sale_rows ON COMMIT DROP AS
                SELECT s.ext_id, (array_agg(s.new_id ORDER BY s.row_no))[1] AS new_id, min(m.client_id::text)::uuid AS client_id,
                       min(s.sold_at) AT TIME ZONE :zone AS sold_at, coalesce(min(s.currency), :currency) AS currency,
                       sum(s.amount) AS total, (array_agg(s.payment_method ORDER BY s.row_no))[1] AS payment_method,
                       (array_agg(s.payment_label ORDER BY s.row_no))[1] AS payment_label,
                       string_agg(s.item_name || '|' || s.quantity || '|' || s.amount, ';' ORDER BY s.item_name, s.quantity, s.amount) AS items,
                       count(*) AS lines, k.entity_id AS target_id
                FROM import_stage s JOIN client_map m ON m.ext = s.client_ext
                LEFT JOIN %s k ON k.external_id = s.ext_id
                GROUP BY s.ext_id, k.entity_id
                """.formatted(sql.importedIds("sale")));
        sql.update("CREATE INDEX ON sale_rows (target_id)");
        sql.update("CREATE INDEX ON sale_rows (ext_id)");
        sql.update("ANALYZE sale_rows");
        sql.update("""
                ALTER TABLE sale_rows ADD COLUMN changed boolean NOT NULL DEFAULT false
                """);
        sql.update("""
                UPDATE sale_rows r SET changed = true
                FROM sales x
                WHERE x.org_id = :org AND x.id = r.target_id
                  AND ((x.sold_at, x.total, x.payment_method, x.currency) IS DISTINCT FROM (r.sold_at, r.total, r.payment_method, r.currency)
                       OR r.items IS DISTINCT FROM (SELECT string_agg(i.description || '|' || i.quantity || '|' || i.total, ';'
                                                                      ORDER BY i.description, i.quantity, i.total)
                                                    FROM sale_items i WHERE i.org_id = :org AND i.sale_id = x.id))
                """);
        sql.reject(
                "import_stage s",
                """
                EXISTS (SELECT 1 FROM sale_rows r JOIN sales x ON x.org_id = :org AND x.id = r.target_id
                        WHERE r.ext_id = s.ext_id AND r.changed AND x.refunded > r.total)
                """,
                "amount",
                "amount",
                "'the sale was refunded for more than its new total; change the refund first'");
        sql.update("DELETE FROM sale_rows r WHERE NOT EXISTS (SELECT 1 FROM import_stage s WHERE s.ext_id = r.ext_id)");
        sql.update(
                "DELETE FROM sale_items i USING sale_rows r WHERE i.org_id = :org AND i.sale_id = r.target_id AND r.changed");
        sql.update("""
                UPDATE sales x SET sold_at = r.sold_at, total = r.total, subtotal = r.total, discount = 0, tax = 0,
                       payment_method = r.payment_method, currency = r.currency
                FROM sale_rows r WHERE x.org_id = :org AND x.id = r.target_id AND r.changed
                """);
        sql.update("""
                INSERT INTO sales (id, org_id, client_id, sold_at, currency, subtotal, total, payment_method, note, created_by)
                SELECT new_id, :org, client_id, sold_at, currency, total, total, payment_method,
                       CASE WHEN payment_label IS NOT NULL AND payment_method = 'other' THEN 'Imported; paid with ' || payment_label
                            ELSE 'Imported' END, :user
                FROM sale_rows WHERE target_id IS NULL
                """);
        sql.rememberIds("sale", "SELECT ext_id, new_id FROM sale_rows WHERE target_id IS NULL");
        sql.update("""
                INSERT INTO sale_items (id, org_id, sale_id, description, quantity, unit_amount, total)
                SELECT s.new_id, :org, coalesce(r.target_id, r.new_id), s.item_name, s.quantity,
                       round(s.amount::numeric / s.quantity), s.amount
                FROM import_stage s JOIN sale_rows r ON r.ext_id = s.ext_id
                WHERE r.target_id IS NULL OR r.changed
                """);
        long created = sql.count(
                "SELECT count(*) FROM import_stage s JOIN sale_rows r ON r.ext_id = s.ext_id WHERE r.target_id IS NULL");
        long updated = sql.count(
                "SELECT count(*) FROM import_stage s JOIN sale_rows r ON r.ext_id = s.ext_id WHERE r.changed");
        long total = sql.count("SELECT count(*) FROM import_stage");
        return new MergeResult(created, updated, total - created - updated);
    }

    @Override
    public MergeResult mergeHoldings(ImportStage sql, Holding holding) {
        sql.update("""
                INSERT INTO membership_plans (id, org_id, name, kind, price_amount, currency, credits, period_unit, period_count)
                SELECT gen_random_uuid(), :org, n.name, '%s', 0, :currency, n.credits, 'month', 1
                FROM (SELECT min(plan_name) AS name, max(coalesce(credits, remaining)) FILTER (WHERE coalesce(credits, remaining) > 0) AS credits
                      FROM import_stage GROUP BY lower(plan_name)) n
                WHERE NOT EXISTS (SELECT 1 FROM membership_plans p WHERE p.org_id = :org AND p.archived_at IS NULL
                                  AND lower(p.name) = lower(n.name))
                """.formatted(holding.planKind()));
        sql.update("""
                CREATE TEMP TABLE holding_rows ON COMMIT DROP AS
                SELECT s.row_no, s.new_id, s.ext_id, m.client_id, p.id AS plan_id, s.starts_on,
                       coalesce(s.ends_on, s.starts_on + make_interval(years => %1$d))::date AS ends_on,
                       coalesce(s.status, CASE WHEN coalesce(s.ends_on, s.starts_on + make_interval(years => %1$d)) < :today THEN 'expired'
                                               WHEN s.starts_on > :today THEN 'pending' ELSE 'active' END) AS status,
                       s.credits, s.remaining, k.entity_id AS target_id
                FROM import_stage s
                JOIN client_map m ON m.ext = s.client_ext
                JOIN LATERAL (SELECT id FROM membership_plans p WHERE p.org_id = :org AND p.archived_at IS NULL
                              AND lower(p.name) = lower(s.plan_name) ORDER BY created_at, id LIMIT 1) p ON true
                LEFT JOIN %2$s k ON k.external_id = s.ext_id
                """.formatted(YEARS_WITHOUT_EXPIRY, sql.importedIds(holding.entityType())));
        sql.update("CREATE INDEX ON holding_rows (target_id)");
        sql.update("ANALYZE holding_rows");
        long created = sql.update("""
                INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on)
                SELECT new_id, :org, client_id, plan_id, status, starts_on, ends_on FROM holding_rows WHERE target_id IS NULL
                """);
        sql.rememberIds(holding.entityType(), "SELECT ext_id, new_id FROM holding_rows WHERE target_id IS NULL");
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
        return new MergeResult(created, updated, matched - updated);
    }
}
