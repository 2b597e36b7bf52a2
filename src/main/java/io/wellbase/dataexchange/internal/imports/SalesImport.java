package io.wellbase.dataexchange.internal.imports;

import io.wellbase.clients.ClientImports;
import io.wellbase.memberships.MembershipImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
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

    private final ClientImports clients;
    private final MembershipImports memberships;

    SalesImport(ClientImports clients, MembershipImports memberships) {
        this.clients = clients;
        this.memberships = memberships;
    }

    /** Words that name a method inside a longer name, tried in this order. */
    private static final List<Map.Entry<String, Pattern>> CONTAINS = List.of(
            Map.entry("cash", Pattern.compile("\\bcash\\b")),
            Map.entry("complimentary", Pattern.compile("\\b(comp|comped|complimentary|free|gift|voucher)\\b")),
            Map.entry("other", Pattern.compile("\\b(account|store credit|paypal|venmo|zelle)\\b")),
            Map.entry("bank_transfer", Pattern.compile("\\b(bank|transfer|ach|eft|sepa|check|cheque|wire)\\b")),
            Map.entry(
                    "card_terminal",
                    Pattern.compile(
                            "\\b(card|visa|master ?card|mc|amex|american express|discover|debit|credit|maestro|girocard|ec|terminal)\\b")));

    @Override
    public ImportKind kind() {
        return ImportKind.SALES;
    }

    @Override
    public String stagingColumns() {
        return MembershipImports.SALE_COLUMNS;
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
        return new Object[] {
            saleId != null ? saleId : rowKey,
            rowKey,
            soldAt,
            client,
            item,
            quantity == null ? 1 : quantity,
            amount,
            currency == null ? null : currency.toUpperCase(Locale.ROOT),
            paymentMethod(row, label),
            label
        };
    }

    /** The Wellbase payment method of a row; an unknown name is imported as other, with a warning. */
    private static String paymentMethod(ImportRow row, String label) {
        if (label == null) {
            return "other";
        }
        return paymentMethod(label).orElseGet(() -> {
            row.warn(
                    "paymentMethod",
                    label,
                    "is not a payment method Wellbase knows (cash, card, bank transfer or "
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
    public MergeResult merge(ImportStage sql) {
        sql.rejectDuplicates(
                "import_stage",
                "ext_id || '/' || row_key",
                "item_name",
                "itemName",
                "the same item appears in row %s of the same sale; only the first is imported");
        clients.mapClients(sql, "client_ext");
        sql.reject(
                "import_stage s",
                "NOT EXISTS (SELECT 1 FROM client_map m WHERE m.ext = s.client_ext AND m.client_id IS NOT NULL AND NOT m.erased)",
                "clientId",
                "client_ext",
                "'no client has this Client ID (or the client was erased); import clients first'");
        sql.reject(
                "import_stage s",
                """
                EXISTS (SELECT 1 FROM import_stage f WHERE f.ext_id = s.ext_id AND f.row_no < s.row_no
                        AND (f.client_ext <> s.client_ext OR coalesce(f.currency, :currency) <> coalesce(s.currency, :currency)))
                """,
                "clientId",
                "client_ext",
                "'another row of this sale has a different client or currency'");
        return memberships.mergeSales(sql);
    }
}
