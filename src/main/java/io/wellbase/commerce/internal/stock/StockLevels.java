package io.wellbase.commerce.internal.stock;

import io.wellbase.commerce.internal.CommerceRefusal;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stock of products at locations. Every change of {@code on_hand} is a movement written in the same transaction, so
 * the balance always equals the sum of the movements; reservations of placed orders are held beside it, and the
 * database's checks keep both from going below zero under any interleaving of orders (each takes its rows in
 * product order, so two orders never wait on each other in a circle).
 */
@Component
public class StockLevels {

    private final JdbcClient jdbc;
    private final LowStock lowStock;

    StockLevels(JdbcClient jdbc, LowStock lowStock) {
        this.jdbc = jdbc;
        this.lowStock = lowStock;
    }

    /**
     * One movement of stock: {@code quantity} signed (a receipt or return adds, an adjustment either way), with why,
     * the order or transfer it belongs to, and who moved it.
     */
    public record Movement(
            UUID product,
            UUID location,
            MovementKind kind,
            int quantity,
            @Nullable String reason,
            @Nullable UUID order,
            @Nullable UUID transfer,
            @Nullable UUID by) {}

    /** A product's stock at a location; {@code available} = on hand less what orders reserved. */
    public record Level(
            UUID locationId,
            int onHand,
            int reserved,
            int available,
            @Nullable Integer lowThreshold) {}

    /** A product's stock at each location that has a level for it. */
    public List<Level> of(UUID org, UUID product) {
        return jdbc.sql("""
                SELECT location_id, on_hand, reserved, on_hand - reserved AS available, low_threshold
                FROM stock_levels WHERE org_id = :org AND product_id = :product ORDER BY location_id
                """)
                .param("org", org)
                .param("product", product)
                .query(Rows.of(Level.class))
                .list();
    }

    /**
     * Reserves {@code quantities} (product to units) at a location for an order, all or nothing: the products short
     * are named in the refusal, and the caller's transaction rolls back what was taken before.
     */
    public void reserve(UUID org, UUID location, Map<UUID, Integer> quantities) {
        List<String> short_ = new java.util.ArrayList<>();
        List<UUID> fell = new java.util.ArrayList<>();
        for (var e : new TreeMap<>(quantities).entrySet()) {
            // answers whether this reservation took the product to its low-stock threshold (not told yet)
            List<Boolean> taken = jdbc.sql("""
                    UPDATE stock_levels SET reserved = reserved + :q
                    WHERE org_id = :org AND product_id = :product AND location_id = :location AND on_hand - reserved >= :q
                    RETURNING low_threshold IS NOT NULL AND on_hand - reserved <= low_threshold AND NOT low_alerted
                    """)
                    .param("org", org)
                    .param("product", e.getKey())
                    .param("location", location)
                    .param("q", e.getValue())
                    .query(Boolean.class)
                    .list();
            if (taken.isEmpty()) {
                short_.add(e.getKey().toString());
            } else if (taken.getFirst()) {
                fell.add(e.getKey());
            }
        }
        if (!short_.isEmpty()) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.OUT_OF_STOCK,
                    "Not enough stock at this location for " + short_.size() + " of the items",
                    short_);
        }
        lowStock.check(org, location, fell);
    }

    /** Lets go of what an order reserved (cancelled or expired). */
    public void release(UUID org, UUID location, Map<UUID, Integer> quantities) {
        for (var e : new TreeMap<>(quantities).entrySet()) {
            jdbc.sql("""
                    UPDATE stock_levels SET reserved = greatest(reserved - :q, 0)
                    WHERE org_id = :org AND product_id = :product AND location_id = :location
                    """)
                    .param("org", org)
                    .param("product", e.getKey())
                    .param("location", location)
                    .param("q", e.getValue())
                    .update();
        }
    }

    /** Hands over what an order reserved: a sell movement per product, taking it off the shelf and the reservation. */
    public void fulfil(UUID org, UUID location, Map<UUID, Integer> quantities, UUID order, UUID by) {
        for (var e : new TreeMap<>(quantities).entrySet()) {
            jdbc.sql("""
                    UPDATE stock_levels SET on_hand = on_hand - :q, reserved = reserved - :q
                    WHERE org_id = :org AND product_id = :product AND location_id = :location
                    """)
                    .param("org", org)
                    .param("product", e.getKey())
                    .param("location", location)
                    .param("q", e.getValue())
                    .update();
            insertMovement(
                    org, new Movement(e.getKey(), location, MovementKind.SELL, -e.getValue(), null, order, null, by));
        }
        // no low-stock check: the units leave with their reservation, so what is available does not change
    }

    /**
     * Moves stock: {@code quantity} is signed (a receipt or return adds, an adjustment either way). Refused when it
     * would take on-hand below zero or below what orders reserved.
     */
    public UUID move(UUID org, Movement m) {
        UUID product = m.product();
        UUID location = m.location();
        int quantity = m.quantity();
        jdbc.sql("""
                INSERT INTO stock_levels (org_id, product_id, location_id) VALUES (:org, :product, :location)
                ON CONFLICT DO NOTHING
                """)
                .param("org", org)
                .param("product", product)
                .param("location", location)
                .update();
        int changed = jdbc.sql("""
                UPDATE stock_levels SET on_hand = on_hand + :q,
                    low_alerted = CASE WHEN low_threshold IS NULL OR on_hand + :q - reserved > low_threshold THEN false
                                       ELSE low_alerted END
                WHERE org_id = :org AND product_id = :product AND location_id = :location AND on_hand + :q >= reserved
                """)
                .param("org", org)
                .param("product", product)
                .param("location", location)
                .param("q", quantity)
                .update();
        if (changed == 0) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.STOCK_TOO_LOW,
                    "Only what is on hand and not reserved by orders can leave this location");
        }
        UUID id = insertMovement(org, m);
        if (quantity < 0) {
            lowStock.check(org, location, List.of(product));
        }
        return id;
    }

    /** Sets (or clears, with null) the level below which staff are told the product runs low here. */
    public void threshold(UUID org, UUID product, UUID location, @Nullable Integer threshold) {
        jdbc.sql("""
                INSERT INTO stock_levels (org_id, product_id, location_id, low_threshold) VALUES (:org, :product, :location, :t)
                ON CONFLICT (org_id, product_id, location_id) DO UPDATE SET low_threshold = :t, low_alerted = false
                """)
                .param("org", org)
                .param("product", product)
                .param("location", location)
                .param("t", threshold)
                .update();
        lowStock.check(org, location, List.of(product));
    }

    private UUID insertMovement(UUID org, Movement m) {
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO stock_movements (id, org_id, product_id, location_id, kind, quantity, reason, order_id,
                    transfer_id, created_by)
                VALUES (:id, :org, :product, :location, :kind, :q, :reason, :order, :transfer, :by)
                """)
                .param("id", id)
                .param("org", org)
                .param("product", m.product())
                .param("location", m.location())
                .param("kind", m.kind().value())
                .param("q", m.quantity())
                .param("reason", m.reason())
                .param("order", m.order())
                .param("transfer", m.transfer())
                .param("by", m.by())
                .update();
        return id;
    }
}
