package io.wellbase.memberships.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales (paid manually for now: cash, card terminal, bank transfer) and their refunds, so that
 * revenue reports have a source.
 */
@Service
class SalesService {

    static final Set<String> PAYMENT_METHODS =
            Set.of("cash", "card_terminal", "bank_transfer", "complimentary", "other");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    SalesService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A sale as the API shows it; amounts in minor units of {@code currency}. */
    record Sale(
            UUID id,
            UUID clientId,
            OffsetDateTime soldAt,
            String currency,
            long subtotal,
            long discount,
            long tax,
            long total,
            long refunded,
            String paymentMethod,
            String note,
            List<Item> items) {}

    /** One line of a sale. */
    record Item(
            UUID id, String description, UUID planId, UUID membershipId, int quantity, long unitAmount, long total) {}

    /** What a new sale is made of. */
    record NewSale(
            UUID clientId,
            String currency,
            String description,
            UUID planId,
            UUID membershipId,
            long unitAmount,
            long discount,
            long tax,
            String paymentMethod,
            String note,
            UUID createdBy) {}

    /** A refund of a sale. */
    record Refund(UUID id, UUID saleId, long amount, String reason, OffsetDateTime createdAt) {}

    UUID record(UUID orgId, NewSale s) {
        if (!PAYMENT_METHODS.contains(s.paymentMethod())) {
            throw ApiException.invalidField(
                    "paymentMethod",
                    "must be one of "
                            + String.join(
                                    ", ", PAYMENT_METHODS.stream().sorted().toList()));
        }
        if (s.discount() < 0 || s.discount() > s.unitAmount()) {
            throw ApiException.invalidField("discount", "must be between 0 and the price");
        }
        if (s.tax() < 0) {
            throw ApiException.invalidField("tax", "must not be negative");
        }
        UUID id = Ids.newId();
        long total = s.unitAmount() - s.discount() + s.tax();
        jdbc.sql("""
                INSERT INTO sales (id, org_id, client_id, currency, subtotal, discount, tax, total, payment_method, note, created_by)
                VALUES (:id, :org, :client, :currency, :subtotal, :discount, :tax, :total, :method, :note, :by)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("client", s.clientId())
                .param("currency", s.currency())
                .param("subtotal", s.unitAmount())
                .param("discount", s.discount())
                .param("tax", s.tax())
                .param("total", total)
                .param("method", s.paymentMethod())
                .param("note", s.note())
                .param("by", s.createdBy())
                .update();
        jdbc.sql("""
                INSERT INTO sale_items (id, org_id, sale_id, description, plan_id, membership_id, quantity, unit_amount, total)
                VALUES (:id, :org, :sale, :description, :plan, :membership, 1, :unit, :total)
                """)
                .param("id", Ids.newId())
                .param("org", orgId)
                .param("sale", id)
                .param("description", s.description())
                .param("plan", s.planId())
                .param("membership", s.membershipId())
                .param("unit", s.unitAmount())
                .param("total", s.unitAmount() - s.discount())
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "sale.recorded",
                "sale",
                id,
                AuditChange.created(Map.of(
                        "clientId",
                        s.clientId(),
                        "total",
                        total,
                        "currency",
                        s.currency(),
                        "paymentMethod",
                        s.paymentMethod()))));
        return id;
    }

    @Transactional(readOnly = true)
    Sale get(UUID orgId, UUID id) {
        Sale sale = jdbc.sql("SELECT * FROM sales WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query((rs, n) -> new Sale(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getObject("sold_at", OffsetDateTime.class),
                        rs.getString("currency"),
                        rs.getLong("subtotal"),
                        rs.getLong("discount"),
                        rs.getLong("tax"),
                        rs.getLong("total"),
                        rs.getLong("refunded"),
                        rs.getString("payment_method"),
                        rs.getString("note"),
                        List.of()))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Sale"));
        List<Item> items = jdbc.sql("""
                SELECT id, description, plan_id, membership_id, quantity, unit_amount, total FROM sale_items
                WHERE org_id = :org AND sale_id = :id ORDER BY id
                """)
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Item.class))
                .list();
        return new Sale(
                sale.id(),
                sale.clientId(),
                sale.soldAt(),
                sale.currency(),
                sale.subtotal(),
                sale.discount(),
                sale.tax(),
                sale.total(),
                sale.refunded(),
                sale.paymentMethod(),
                sale.note(),
                items);
    }

    @Transactional(readOnly = true)
    PageResult<Sale> list(UUID orgId, UUID clientId, PageQuery page) {
        List<UUID> ids = jdbc.sql("""
                SELECT id FROM sales WHERE org_id = :org AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
                ORDER BY sold_at DESC, id DESC LIMIT :limit OFFSET :offset
                """)
                .param("org", orgId)
                .param("client", clientId)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(UUID.class)
                .list();
        long total = jdbc.sql(
                        "SELECT count(*) FROM sales WHERE org_id = :org AND (CAST(:client AS uuid) IS NULL OR client_id = :client)")
                .param("org", orgId)
                .param("client", clientId)
                .query(Long.class)
                .single();
        return PageResult.of(ids.stream().map(id -> get(orgId, id)).toList(), page, total);
    }

    /** Every sale of a client, newest first, with its items. */
    @Transactional(readOnly = true)
    List<Sale> ofClient(UUID orgId, UUID clientId) {
        return jdbc.sql("""
                SELECT id FROM sales
                WHERE org_id = :org AND client_id = :client
                ORDER BY sold_at DESC, id DESC
                """).param("org", orgId).param("client", clientId).query(UUID.class).list().stream()
                .map(id -> get(orgId, id))
                .toList();
    }

    /** Every refund of a client's sales, oldest first. */
    @Transactional(readOnly = true)
    List<Refund> refundsOfClient(UUID orgId, UUID clientId) {
        return jdbc.sql("""
                SELECT r.id, r.sale_id, r.amount, r.reason, r.created_at
                FROM sale_refunds r
                JOIN sales s ON s.org_id = r.org_id AND s.id = r.sale_id
                WHERE r.org_id = :org AND s.client_id = :client
                ORDER BY r.created_at, r.id
                """)
                .param("org", orgId)
                .param("client", clientId)
                .query(Rows.of(Refund.class))
                .list();
    }

    @Transactional
    Sale refund(UUID orgId, UUID saleId, long amount, String reason, UUID by) {
        get(orgId, saleId);
        if (amount <= 0) {
            throw ApiException.invalidField("amount", "must be positive");
        }
        int updated = jdbc.sql("""
                UPDATE sales SET refunded = refunded + :amount
                WHERE org_id = :org AND id = :id AND refunded + :amount <= total
                """)
                .param("amount", amount)
                .param("org", orgId)
                .param("id", saleId)
                .update();
        if (updated == 0) {
            throw ApiException.unprocessable("sale.refund_exceeds_total", "The refunds would exceed what was paid");
        }
        jdbc.sql(
                        "INSERT INTO sale_refunds (id, org_id, sale_id, amount, reason, created_by) VALUES (:id, :org, :sale, :amount, :reason, :by)")
                .param("id", Ids.newId())
                .param("org", orgId)
                .param("sale", saleId)
                .param("amount", amount)
                .param("reason", reason)
                .param("by", by)
                .update();
        audit.record(AuditRecord.of(
                orgId, "sale.refunded", "sale", saleId, Map.of("refund", new AuditChange(null, amount))));
        return get(orgId, saleId);
    }
}
