package io.wellbase.billing.internal.invoices;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The invoices, their lines and their numbers: written only here. */
@Component
class InvoiceStore {

    private static final String COLUMNS = """
            id, kind, number, status, client_id, payment_id, refund_id, credits_invoice_id, membership_charge_id,
            currency, subtotal, tax, total, tax_rate_bp, issued_at, paid_at, created_at
            """;

    private record Head(
            UUID id,
            String kind,
            @Nullable String number,
            String status,
            @Nullable UUID clientId,
            @Nullable UUID paymentId,
            @Nullable UUID refundId,
            @Nullable UUID creditsInvoiceId,
            @Nullable UUID membershipChargeId,
            String currency,
            long subtotal,
            long tax,
            long total,
            int taxRateBp,
            @Nullable OffsetDateTime issuedAt,
            @Nullable OffsetDateTime paidAt,
            OffsetDateTime createdAt) {

        Invoice with(List<Invoice.Line> lines) {
            return new Invoice(
                    id,
                    kind,
                    number,
                    status,
                    clientId,
                    paymentId,
                    refundId,
                    creditsInvoiceId,
                    membershipChargeId,
                    currency,
                    subtotal,
                    tax,
                    total,
                    taxRateBp,
                    issuedAt,
                    paidAt,
                    createdAt,
                    lines);
        }
    }

    private final JdbcClient jdbc;

    InvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new invoice or credit note holds. */
    record NewInvoice(
            String kind,
            String status,
            @Nullable UUID clientId,
            @Nullable UUID paymentId,
            @Nullable UUID refundId,
            @Nullable UUID creditsInvoiceId,
            @Nullable UUID membershipChargeId,
            String currency,
            int taxRateBp,
            List<Invoice.Line> lines) {}

    /**
     * Writes an invoice; one that is not a draft takes the next number of its kind and year in this transaction
     * ({@code prefix} before it), so a rollback gives the number back.
     */
    UUID insert(UUID org, NewInvoice n, String prefix, int year) {
        UUID id = Ids.newId();
        long total = n.lines().stream().mapToLong(Invoice.Line::total).sum();
        long tax = Invoice.taxIn(total, n.taxRateBp());
        jdbc.sql("""
                INSERT INTO invoices (id, org_id, kind, status, client_id, payment_id, refund_id, credits_invoice_id,
                    membership_charge_id, currency, subtotal, tax, total, tax_rate_bp, paid_at)
                VALUES (:id, :org, :kind, 'draft', :client, :payment, :refund, :credits, :charge, :currency, :subtotal,
                    :tax, :total, :rate, CASE WHEN :status = 'paid' THEN now() END)
                """)
                .param("id", id)
                .param("org", org)
                .param("kind", n.kind())
                .param("status", n.status())
                .param("client", n.clientId())
                .param("payment", n.paymentId())
                .param("refund", n.refundId())
                .param("credits", n.creditsInvoiceId())
                .param("charge", n.membershipChargeId())
                .param("currency", n.currency())
                .param("subtotal", total - tax)
                .param("tax", tax)
                .param("total", total)
                .param("rate", n.taxRateBp())
                .update();
        int position = 0;
        for (Invoice.Line line : n.lines()) {
            jdbc.sql("""
                    INSERT INTO invoice_lines (id, org_id, invoice_id, position, description, quantity, unit_amount, total)
                    VALUES (:id, :org, :invoice, :position, :description, :quantity, :unit, :total)
                    """)
                    .param("id", Ids.newId())
                    .param("org", org)
                    .param("invoice", id)
                    .param("position", position++)
                    .param("description", line.description())
                    .param("quantity", line.quantity())
                    .param("unit", line.unitAmount())
                    .param("total", line.total())
                    .update();
        }
        if (!n.status().equals("draft")) {
            issue(org, id, n.kind(), prefix, year, n.status());
        }
        return id;
    }

    /**
     * Gives a draft its number and moves it to {@code status} (open or paid), in one statement: the counter row of
     * the organization, kind and year is taken (and held until the transaction ends) and its value written.
     */
    void issue(UUID org, UUID id, String kind, String prefix, int year, String status) {
        jdbc.sql("""
                WITH next AS (
                    INSERT INTO invoice_sequences (org_id, kind, year, last) VALUES (:org, :kind, :year, 1)
                    ON CONFLICT (org_id, kind, year) DO UPDATE SET last = invoice_sequences.last + 1
                    RETURNING last
                )
                UPDATE invoices SET status = :status, year = :year, seq = next.last,
                    number = :prefix || :year || '-' || lpad(next.last::text, greatest(5, length(next.last::text)), '0'),
                    issued_at = now(), paid_at = CASE WHEN :status = 'paid' THEN coalesce(paid_at, now()) END,
                    updated_at = now()
                FROM next
                WHERE org_id = :org AND id = :id AND status = 'draft'
                """)
                .param("status", status)
                .param("prefix", prefix + (kind.equals("credit_note") ? "CN-" : ""))
                .param("year", year)
                .param("org", org)
                .param("kind", kind)
                .param("id", id)
                .update();
    }

    /** Moves an invoice from one of {@code from} to {@code to}; false when it was elsewhere. */
    boolean move(UUID org, UUID id, List<String> from, String to, @Nullable UUID paymentId) {
        return jdbc.sql("""
                        UPDATE invoices SET status = :to, payment_id = coalesce(:payment, payment_id),
                            paid_at = CASE WHEN :to = 'paid' THEN now() ELSE paid_at END, updated_at = now()
                        WHERE org_id = :org AND id = :id AND status IN (:from)
                        """)
                        .param("to", to)
                        .param("payment", paymentId)
                        .param("org", org)
                        .param("id", id)
                        .param("from", from)
                        .update()
                == 1;
    }

    Optional<Invoice> find(UUID org, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invoices WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(Rows.of(Head.class))
                .optional()
                .map(h -> h.with(lines(org, h.id())));
    }

    Optional<UUID> idWhere(UUID org, String column, UUID value) {
        return jdbc.sql("SELECT id FROM invoices WHERE org_id = :org AND kind = 'invoice' AND " + column + " = :v")
                .param("org", org)
                .param("v", value)
                .query(UUID.class)
                .optional();
    }

    Optional<UUID> creditNoteFor(UUID org, UUID refundId) {
        return jdbc.sql("SELECT id FROM invoices WHERE org_id = :org AND refund_id = :r")
                .param("org", org)
                .param("r", refundId)
                .query(UUID.class)
                .optional();
    }

    /** A page of invoices; {@code status} "issued" means every status but draft. */
    List<Invoice> list(UUID org, @Nullable UUID clientId, @Nullable String status, int limit, long offset) {
        List<Head> heads = jdbc.sql("SELECT " + COLUMNS + """
                         FROM invoices
                        WHERE org_id = :org AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
                          AND (CAST(:status AS text) IS NULL OR status = :status OR (:status = 'issued' AND status <> 'draft'))
                        ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("org", org)
                .param("client", clientId)
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query(Rows.of(Head.class))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        record Owned(UUID invoiceId, String description, int quantity, long unitAmount, long total) {}
        var lines = jdbc
                .sql("""
                        SELECT invoice_id, description, quantity, unit_amount, total FROM invoice_lines
                        WHERE org_id = :org AND invoice_id IN (:ids) ORDER BY invoice_id, position
                        """)
                .param("org", org)
                .param("ids", heads.stream().map(Head::id).toList())
                .query(Rows.of(Owned.class))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Owned::invoiceId,
                        java.util.stream.Collectors.mapping(
                                l -> new Invoice.Line(l.description(), l.quantity(), l.unitAmount(), l.total()),
                                java.util.stream.Collectors.toList())));
        return heads.stream()
                .map(h -> h.with(lines.getOrDefault(h.id(), List.of())))
                .toList();
    }

    long count(UUID org, @Nullable UUID clientId, @Nullable String status) {
        return jdbc.sql("""
                SELECT count(*) FROM invoices
                WHERE org_id = :org AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
                  AND (CAST(:status AS text) IS NULL OR status = :status OR (:status = 'issued' AND status <> 'draft'))
                """)
                .param("org", org)
                .param("client", clientId)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private List<Invoice.Line> lines(UUID org, UUID invoice) {
        return jdbc.sql("""
                SELECT description, quantity, unit_amount, total FROM invoice_lines
                WHERE org_id = :org AND invoice_id = :invoice ORDER BY position
                """)
                .param("org", org)
                .param("invoice", invoice)
                .query(Rows.of(Invoice.Line.class))
                .list();
    }
}
