package io.wellbase.commerce.internal.orders;

import io.wellbase.commerce.internal.Money;
import io.wellbase.platform.data.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Orders and their items; every change of status is a conditional update on the status it comes from. */
@Component
class OrderStore {

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Order(
            UUID id,
            long number,
            UUID clientId,
            UUID locationId,
            String status,
            String currency,
            long subtotal,
            long discount,
            long tax,
            long total,
            long refunded,
            @Nullable String paymentMethod,
            @Nullable String note,
            @Nullable UUID reorderedFrom,
            @Nullable OffsetDateTime placedAt,
            @Nullable OffsetDateTime expiresAt,
            @Nullable OffsetDateTime paidAt,
            @Nullable OffsetDateTime fulfilledAt,
            @Nullable OffsetDateTime cancelledAt,
            @Nullable String cancelReason,
            OffsetDateTime createdAt,
            List<Item> items) {

        OrderStatus state() {
            return OrderStatus.of(status).orElseThrow();
        }

        /** Units per product. */
        Map<UUID, Integer> units() {
            return items.stream()
                    .collect(Collectors.toMap(Item::productId, Item::quantity, Integer::sum, LinkedHashMap::new));
        }

        /**
         * Units per product that placing the order reserved and that are still held (units refunded before the order
         * was handed over were let go then): what fulfilling or letting go moves.
         */
        Map<UUID, Integer> reservedUnits() {
            return items.stream()
                    .filter(i -> i.reserved() && i.quantity() > i.refundedQuantity())
                    .collect(Collectors.toMap(
                            Item::productId,
                            i -> i.quantity() - i.refundedQuantity(),
                            Integer::sum,
                            LinkedHashMap::new));
        }

        Money totalMoney() {
            return new Money(total, currency);
        }
    }

    record Item(
            UUID id,
            int position,
            UUID productId,
            String sku,
            String title,
            int quantity,
            long unitPrice,
            long discount,
            int taxRateBp,
            long tax,
            long total,
            int refundedQuantity,
            boolean reserved) {}

    /** Writes the order and its items; answers it as stored (with its number and creation time). */
    Order insert(Order o, UUID org, UUID createdBy) {
        Order stored = jdbc.sql("""
                INSERT INTO orders (id, org_id, client_id, location_id, status, currency, subtotal, discount, tax, total,
                    note, reordered_from, placed_at, expires_at, created_by)
                VALUES (:id, :org, :client, :location, :status, :currency, :subtotal, :discount, :tax, :total, :note,
                    :from, :placed, :expires, :by)
                RETURNING *
                """)
                .param("id", o.id())
                .param("org", org)
                .param("client", o.clientId())
                .param("location", o.locationId())
                .param("status", o.status())
                .param("currency", o.currency())
                .param("subtotal", o.subtotal())
                .param("discount", o.discount())
                .param("tax", o.tax())
                .param("total", o.total())
                .param("note", o.note())
                .param("from", o.reorderedFrom())
                .param("placed", o.placedAt())
                .param("expires", o.expiresAt())
                .param("by", createdBy)
                .query((rs, n) -> order(rs, o.items()))
                .single();
        insertItems(org, o.id(), o.items());
        return stored;
    }

    private void insertItems(UUID org, UUID order, List<Item> items) {
        for (Item i : items) {
            jdbc.sql("""
                    INSERT INTO order_items (id, org_id, order_id, position, product_id, sku, title, quantity, unit_price,
                        discount, tax_rate_bp, tax, total, reserved)
                    VALUES (:id, :org, :order, :position, :product, :sku, :title, :quantity, :unit, :discount, :rate, :tax, :total,
                        :reserved)
                    """)
                    .param("id", i.id())
                    .param("org", org)
                    .param("order", order)
                    .param("position", i.position())
                    .param("product", i.productId())
                    .param("sku", i.sku())
                    .param("title", i.title())
                    .param("quantity", i.quantity())
                    .param("unit", i.unitPrice())
                    .param("discount", i.discount())
                    .param("rate", i.taxRateBp())
                    .param("tax", i.tax())
                    .param("total", i.total())
                    .param("reserved", i.reserved())
                    .update();
        }
    }

    /** Replaces a draft's items and totals; false when it is no longer a draft. */
    boolean replaceDraft(UUID org, Order o) {
        int changed = jdbc.sql("""
                UPDATE orders SET subtotal = :subtotal, discount = :discount, tax = :tax, total = :total, note = :note,
                    updated_at = now()
                WHERE org_id = :org AND id = :id AND status = 'draft'
                """)
                .param("org", org)
                .param("id", o.id())
                .param("subtotal", o.subtotal())
                .param("discount", o.discount())
                .param("tax", o.tax())
                .param("total", o.total())
                .param("note", o.note())
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM order_items WHERE org_id = :org AND order_id = :id")
                .param("org", org)
                .param("id", o.id())
                .update();
        insertItems(org, o.id(), o.items());
        return true;
    }

    Optional<Order> find(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM orders WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query((rs, n) -> order(rs, List.of()))
                .optional()
                .map(o -> withItems(org, List.of(o)).getFirst());
    }

    /** The order, locked for a change of status or a refund. */
    Optional<Order> lock(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM orders WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", org)
                .param("id", id)
                .query((rs, n) -> order(rs, List.of()))
                .optional()
                .map(o -> withItems(org, List.of(o)).getFirst());
    }

    /** A change of status from one of {@code from}; the moment columns named are set to now. */
    boolean move(UUID org, UUID id, Collection<OrderStatus> from, OrderStatus to, Map<String, Object> set) {
        StringBuilder sql = new StringBuilder("UPDATE orders SET status = :to, updated_at = now()");
        set.keySet()
                .forEach(
                        column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" WHERE org_id = :org AND id = :id AND status = ANY(:from)");
        return jdbc.sql(sql.toString())
                        .params(set)
                        .param("org", org)
                        .param("id", id)
                        .param("to", to.value())
                        .param("from", from.stream().map(OrderStatus::value).toArray(String[]::new))
                        .update()
                == 1;
    }

    record Filter(
            @Nullable UUID clientId,
            @Nullable String status,
            @Nullable UUID locationId,
            @Nullable Instant from,
            @Nullable Instant to) {}

    private static final String WHERE = """
            WHERE org_id = :org
              AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:location AS uuid) IS NULL OR location_id = :location)
              AND (CAST(:from AS timestamptz) IS NULL OR created_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR created_at < :to)
            """;

    List<Order> list(UUID org, Filter f, int limit, long offset) {
        List<Order> orders = jdbc.sql("SELECT * FROM orders " + WHERE
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params(org, f))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> order(rs, List.of()))
                .list();
        return withItems(org, orders);
    }

    long count(UUID org, Filter f) {
        return jdbc.sql("SELECT count(*) FROM orders " + WHERE)
                .params(params(org, f))
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> params(UUID org, Filter f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("org", org);
        p.put("client", f.clientId());
        p.put("status", f.status());
        p.put("location", f.locationId());
        p.put("from", f.from() == null ? null : OffsetDateTime.ofInstant(f.from(), java.time.ZoneOffset.UTC));
        p.put("to", f.to() == null ? null : OffsetDateTime.ofInstant(f.to(), java.time.ZoneOffset.UTC));
        return p;
    }

    /** Placed orders whose reservation ran out, across organizations, oldest first. */
    record Expired(UUID orgId, UUID id) {}

    List<Expired> expired(Instant now, int limit) {
        return jdbc.sql("""
                SELECT org_id, id FROM orders WHERE status = 'pending_payment' AND expires_at < :now
                ORDER BY expires_at LIMIT :limit
                """)
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .param("limit", limit)
                .query(Rows.of(Expired.class))
                .list();
    }

    private List<Order> withItems(UUID org, List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<Item>> items = jdbc
                .sql("""
                SELECT order_id, id, position, product_id, sku, title, quantity, unit_price, discount, tax_rate_bp, tax,
                       total, refunded_quantity, reserved
                FROM order_items WHERE org_id = :org AND order_id = ANY(:ids) ORDER BY order_id, position
                """)
                .param("org", org)
                .param("ids", orders.stream().map(Order::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getObject("order_id", UUID.class),
                        new Item(
                                rs.getObject("id", UUID.class),
                                rs.getInt("position"),
                                rs.getObject("product_id", UUID.class),
                                rs.getString("sku"),
                                rs.getString("title"),
                                rs.getInt("quantity"),
                                rs.getLong("unit_price"),
                                rs.getLong("discount"),
                                rs.getInt("tax_rate_bp"),
                                rs.getLong("tax"),
                                rs.getLong("total"),
                                rs.getInt("refunded_quantity"),
                                rs.getBoolean("reserved"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return orders.stream()
                .map(o -> withItems(o, items.getOrDefault(o.id(), List.of())))
                .toList();
    }

    private static Order withItems(Order o, List<Item> items) {
        return new Order(
                o.id(),
                o.number(),
                o.clientId(),
                o.locationId(),
                o.status(),
                o.currency(),
                o.subtotal(),
                o.discount(),
                o.tax(),
                o.total(),
                o.refunded(),
                o.paymentMethod(),
                o.note(),
                o.reorderedFrom(),
                o.placedAt(),
                o.expiresAt(),
                o.paidAt(),
                o.fulfilledAt(),
                o.cancelledAt(),
                o.cancelReason(),
                o.createdAt(),
                List.copyOf(items));
    }

    private static Order order(ResultSet rs, List<Item> items) throws SQLException {
        return new Order(
                rs.getObject("id", UUID.class),
                rs.getLong("number"),
                rs.getObject("client_id", UUID.class),
                rs.getObject("location_id", UUID.class),
                rs.getString("status"),
                rs.getString("currency"),
                rs.getLong("subtotal"),
                rs.getLong("discount"),
                rs.getLong("tax"),
                rs.getLong("total"),
                rs.getLong("refunded"),
                rs.getString("payment_method"),
                rs.getString("note"),
                rs.getObject("reordered_from", UUID.class),
                rs.getObject("placed_at", OffsetDateTime.class),
                rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("paid_at", OffsetDateTime.class),
                rs.getObject("fulfilled_at", OffsetDateTime.class),
                rs.getObject("cancelled_at", OffsetDateTime.class),
                rs.getString("cancel_reason"),
                rs.getObject("created_at", OffsetDateTime.class),
                items);
    }
}
