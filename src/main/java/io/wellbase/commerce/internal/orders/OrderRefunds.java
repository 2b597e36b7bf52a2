package io.wellbase.commerce.internal.orders;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.commerce.internal.CommerceRefusal;
import io.wellbase.commerce.internal.stock.MovementKind;
import io.wellbase.commerce.internal.stock.StockLevels;
import io.wellbase.platform.data.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Refunds of a paid order, by amount or by items (each item's share of its line's total, rounded so that refunding
 * every unit gives back the line exactly). The order's row lock serializes concurrent refunds, and the database's
 * check ({@code refunded <= total}) holds the sum even so. Items refunded before they were handed over let their
 * reservation go; after, they go back on the shelf when {@code restock} is asked.
 */
@Service
class OrderRefunds {

    private final OrderFlow flow;
    private final OrderStore orders;
    private final StockLevels stock;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    OrderRefunds(
            OrderFlow flow,
            OrderStore orders,
            StockLevels stock,
            JdbcClient jdbc,
            ObjectMapper json,
            AuditTrail audit,
            Clock clock) {
        this.flow = flow;
        this.orders = orders;
        this.stock = stock;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** What to refund: an amount, or units of items (by item id); with a reason. */
    record Ask(@Nullable Long amount, Map<UUID, Integer> items, String reason, boolean restock) {}

    record Refund(
            UUID id,
            UUID orderId,
            long amount,
            String reason,
            boolean restocked,
            List<Map<String, Object>> items,
            OffsetDateTime createdAt) {}

    @Transactional
    Refund refund(UUID org, UUID orderId, Ask ask, @Nullable UUID by) {
        OrderStore.Order o = flow.locked(org, orderId);
        OrderFlow.requireStatus(o, OrderStatus.REFUNDABLE, "Only a paid order can be refunded");
        Map<UUID, OrderStore.Item> byId = new LinkedHashMap<>();
        o.items().forEach(i -> byId.put(i.id(), i));
        long amount = 0;
        List<Map<String, Object>> refundedItems = new ArrayList<>();
        Map<UUID, Integer> units = new LinkedHashMap<>();
        for (var e : ask.items().entrySet()) {
            OrderStore.Item item = byId.get(e.getKey());
            if (item == null) {
                throw new CommerceRefusal(
                        CommerceRefusal.Reason.NOT_FOUND, "Item " + e.getKey() + " is not on this order");
            }
            if (item.refundedQuantity() + e.getValue() > item.quantity()) {
                throw new CommerceRefusal(
                        CommerceRefusal.Reason.REFUND_EXCEEDS_PAYMENT,
                        "Only " + (item.quantity() - item.refundedQuantity()) + " of " + item.sku()
                                + " are left to refund",
                        List.of(item.id().toString()));
            }
            long share = Pricing.refundOf(item.total(), item.quantity(), item.refundedQuantity(), e.getValue());
            amount += share;
            refundedItems.add(Map.of(
                    "itemId", item.id(), "productId", item.productId(), "quantity", e.getValue(), "amount", share));
            if (item.reserved()) {
                units.merge(item.productId(), e.getValue(), Integer::sum);
            }
            jdbc.sql(
                            "UPDATE order_items SET refunded_quantity = refunded_quantity + :q WHERE org_id = :org AND id = :id")
                    .param("q", e.getValue())
                    .param("org", org)
                    .param("id", item.id())
                    .update();
        }
        if (ask.amount() != null) {
            amount = ask.amount();
        }
        if (amount <= 0 || o.refunded() + amount > o.total()) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.REFUND_EXCEEDS_PAYMENT,
                    "At most " + (o.total() - o.refunded()) + " (minor units) is left to refund; this asks " + amount);
        }
        boolean full = o.refunded() + amount == o.total();
        jdbc.sql("UPDATE orders SET refunded = refunded + :a, updated_at = now() WHERE org_id = :org AND id = :id")
                .param("a", amount)
                .param("org", org)
                .param("id", orderId)
                .update();
        if (full) {
            orders.move(org, orderId, EnumSet.of(o.state()), OrderStatus.REFUNDED, Map.of());
        }
        boolean restocked = false;
        if (o.state() == OrderStatus.PAID) {
            // not handed over yet: what is refunded (everything, when the refund is full) is let go
            stock.release(org, o.locationId(), full ? remaining(o) : units);
        } else if (ask.restock() && !units.isEmpty()) {
            units.forEach((product, q) -> stock.move(
                    org,
                    new StockLevels.Movement(
                            product,
                            o.locationId(),
                            MovementKind.RETURN,
                            q,
                            "refund: " + ask.reason(),
                            orderId,
                            null,
                            by)));
            restocked = true;
        }
        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO order_refunds (id, org_id, order_id, amount, reason, restocked, items, created_by, created_at)
                VALUES (:id, :org, :order, :amount, :reason, :restocked, CAST(:items AS jsonb), :by, :at)
                """)
                .param("id", id)
                .param("org", org)
                .param("order", orderId)
                .param("amount", amount)
                .param("reason", ask.reason())
                .param("restocked", restocked)
                .param("items", json.writeValueAsString(refundedItems))
                .param("by", by)
                .param("at", now)
                .update();
        audit.record(AuditRecord.of(
                org,
                "order.refunded",
                "order",
                orderId,
                Map.of("amount", new AuditChange(null, amount), "reason", new AuditChange(null, ask.reason()))));
        return new Refund(id, orderId, amount, ask.reason(), restocked, refundedItems, now);
    }

    /** The reserved units of items not refunded by item before. */
    private static Map<UUID, Integer> remaining(OrderStore.Order o) {
        Map<UUID, Integer> units = new LinkedHashMap<>();
        for (OrderStore.Item i : o.items()) {
            if (i.reserved() && i.quantity() > i.refundedQuantity()) {
                units.merge(i.productId(), i.quantity() - i.refundedQuantity(), Integer::sum);
            }
        }
        return units;
    }

    List<Refund> of(UUID org, UUID orderId) {
        return jdbc.sql("""
                SELECT id, order_id, amount, reason, restocked, items::text AS items, created_at FROM order_refunds
                WHERE org_id = :org AND order_id = :order ORDER BY created_at, id
                """)
                .param("org", org)
                .param("order", orderId)
                .query((rs, n) -> new Refund(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getLong("amount"),
                        rs.getString("reason"),
                        rs.getBoolean("restocked"),
                        json.readValue(
                                rs.getString("items"),
                                new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {}),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
