package io.wellbase.dataexchange.internal.imports;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Sales: one row per item, grouped into sales by Sale ID (a file without sale ids makes each row a
 * sale). A sale imported before is replaced when its items, total, date or payment changed.
 * Payment methods are mapped to Wellbase's (cash, card_terminal, bank_transfer, complimentary,
 * other); refunds (negative amounts) are reported, not imported.
 */
@Component
class SalesImport implements KindImport {

    /** Words that name a method inside a longer name, tried in this order. */
    private static final List<Map.Entry<String, Pattern>> CONTAINS = List.of(
            Map.entry("cash", Pattern.compile("\\bcash\\b")),
            Map.entry("complimentary", Pattern.compile("\\b(comp|comped|complimentary|free|gift|voucher)\\b")),
            Map.entry("other", Pattern.compile("\\b(account|store credit|paypal|venmo|zelle)\\b")),
            Map.entry("bank_transfer", Pattern.compile("\\b(bank|transfer|ach|eft|sepa|check|cheque|wire)\\b")),
            Map.entry("card_terminal", Pattern.compile(
                    "\\b(card|visa|master ?card|mc|amex|american express|discover|debit|credit|maestro|girocard|ec|terminal)\\b")));

    @Override
    public ImportKind kind() {
        return ImportKind.SALES;
    }

    @Override
    public String stagingColumns() {
        return "ext_id text, row_key text, sold_at timestamp, client_ext text, item_name text, quantity int, "
                + "amount bigint, currency text, payment_method text, payment_label text";
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        LocalDateTime soldAt = row.dateTime("saleDate");
        if (soldAt == null) {
            throw row.problem("saleDate", null, "is empty");
        }
        String client = row.requiredText("clientId");
        String item = row.limited("itemName", 300);
        if (item == null) {
            throw row.problem("itemName", null, "is empty");
        }
        Integer quantity = row.integer("quantity", 1, 100_000);
        Long amount = row.money("amount");
        if (amount == null) {
            throw row.problem("amount", null, "is empty");
        }
        if (amount < 0) {
            throw row.problem("amount", row.text("amount"), "is negative: refunds are not imported as sales");
        }
        String currency = row.text("currency");
        if (currency != null && !currency.matches("[A-Za-z]{3}")) {
            throw row.problem("currency", currency, "is not a three-letter currency code");
        }
        String label = row.limited("paymentMethod", 100);
        String rowKey = (client + "|" + soldAt + "|" + item + "|" + amount).toLowerCase(Locale.ROOT);
        String saleId = row.limited("externalId", 100);
        return new Object[] {saleId != null ? saleId : rowKey, rowKey, soldAt, client, item,
            quantity == null ? 1 : quantity, amount, currency == null ? null : currency.toUpperCase(Locale.ROOT),
            paymentMethod(row, label), label};
    }

    /** The Wellbase payment method of a row; an unknown name is imported as other, with a warning. */
    private static String paymentMethod(ImportRow row, String label) {
        if (label == null) {
            return "other";
        }
        return paymentMethod(label).orElseGet(() -> {
            row.warn("paymentMethod", label, "is not a payment method Wellbase knows (cash, card, bank transfer or "
                    + "check, complimentary); imported as other, with the name kept in the sale's note");
            return "other";
        });
    }

    /**
     * A name from the vocabulary, or one that contains a known word ("Visa ending 4242", "Cash USD");
     * gift cards, vouchers and comps are complimentary, a client's account is other.
     */
    static Optional<String> paymentMethod(String label) {
        Optional<String> known = Vocabulary.PAYMENT_METHOD.lookup(label);
        if (known.isPresent()) {
            return known;
        }
        String words = label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ");
        for (Map.Entry<String, Pattern> method : CONTAINS) {
            if (method.getValue().matcher(words).find()) {
                return Optional.of(method.getKey());
            }
        }
        return Optional.empty();
    }

    @Override
    public ImportCounts merge(MergeSql sql) {
        sql.rejectDuplicates("import_stage", "ext_id || '/' || row_key", "item_name", "itemName",
                "the same item appears in row %s of the same sale; only the first is imported");
        ReferenceData.clients(sql, "client_ext");
        sql.reject("import_stage s", "NOT EXISTS (SELECT 1 FROM client_map m WHERE m.ext = s.client_ext AND m.client_id IS NOT NULL AND NOT m.erased)",
                "clientId", "client_ext", "'no client has this Client ID (or the client was erased); import clients first'");
        sql.reject("import_stage s", """
                EXISTS (SELECT 1 FROM import_stage f WHERE f.ext_id = s.ext_id AND f.row_no < s.row_no
                        AND (f.client_ext <> s.client_ext OR coalesce(f.currency, :currency) <> coalesce(s.currency, :currency)))
                """, "clientId", "client_ext", "'another row of this sale has a different client or currency'");
        sql.update("""
                CREATE TEMP TABLE sale_rows ON COMMIT DROP AS
                SELECT s.ext_id, (array_agg(s.new_id ORDER BY s.row_no))[1] AS new_id, min(m.client_id::text)::uuid AS client_id,
                       min(s.sold_at) AT TIME ZONE :zone AS sold_at, coalesce(min(s.currency), :currency) AS currency,
                       sum(s.amount) AS total, (array_agg(s.payment_method ORDER BY s.row_no))[1] AS payment_method,
                       (array_agg(s.payment_label ORDER BY s.row_no))[1] AS payment_label,
                       string_agg(s.item_name || '|' || s.quantity || '|' || s.amount, ';' ORDER BY s.item_name, s.quantity, s.amount) AS items,
                       count(*) AS lines, k.entity_id AS target_id
                FROM import_stage s JOIN client_map m ON m.ext = s.client_ext
                LEFT JOIN import_keys k ON k.org_id = :org AND k.entity_type = 'sale' AND k.external_id = s.ext_id
                GROUP BY s.ext_id, k.entity_id
                """);
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
        sql.reject("import_stage s", """
                EXISTS (SELECT 1 FROM sale_rows r JOIN sales x ON x.org_id = :org AND x.id = r.target_id
                        WHERE r.ext_id = s.ext_id AND r.changed AND x.refunded > r.total)
                """, "amount", "amount", "'the sale was refunded for more than its new total; change the refund first'");
        sql.update("DELETE FROM sale_rows r WHERE NOT EXISTS (SELECT 1 FROM import_stage s WHERE s.ext_id = r.ext_id)");
        sql.update("DELETE FROM sale_items i USING sale_rows r WHERE i.org_id = :org AND i.sale_id = r.target_id AND r.changed");
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
        sql.update("""
                INSERT INTO import_keys (org_id, entity_type, external_id, entity_id)
                SELECT :org, 'sale', ext_id, new_id FROM sale_rows WHERE target_id IS NULL
                """);
        sql.update("""
                INSERT INTO sale_items (id, org_id, sale_id, description, quantity, unit_amount, total)
                SELECT s.new_id, :org, coalesce(r.target_id, r.new_id), s.item_name, s.quantity,
                       round(s.amount::numeric / s.quantity), s.amount
                FROM import_stage s JOIN sale_rows r ON r.ext_id = s.ext_id
                WHERE r.target_id IS NULL OR r.changed
                """);
        long created = sql.count("SELECT count(*) FROM import_stage s JOIN sale_rows r ON r.ext_id = s.ext_id WHERE r.target_id IS NULL");
        long updated = sql.count("SELECT count(*) FROM import_stage s JOIN sale_rows r ON r.ext_id = s.ext_id WHERE r.changed");
        long total = sql.count("SELECT count(*) FROM import_stage");
        return new ImportCounts(created, updated, total - created - updated, 0, 0);
    }
}
