package io.wellbase.commerce.internal.stock;

import io.wellbase.commerce.CommerceProperties;
import io.wellbase.platform.data.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much of each stocked product a location should order, never placed by itself: the daily use over the last
 * {@code historyDays} (units sold, less returns, plus what past appointments of services that consume the product
 * used), times {@code coverDays}, plus what booked appointments in the next {@code aheadDays} will use, less what is
 * available and what open purchase orders bring. Positive needs are suggested, rounded up to whole units.
 */
@Component
class ReorderSuggestions {

    private final JdbcClient jdbc;
    private final CommerceProperties properties;
    private final Clock clock;

    ReorderSuggestions(JdbcClient jdbc, CommerceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** One suggestion, with what it was computed from. */
    record Suggestion(
            UUID productId,
            String sku,
            String title,
            int quantity,
            int available,
            int onOrder,
            int soldInHistory,
            BigDecimal usedByAppointments,
            BigDecimal upcomingUse,
            BigDecimal dailyUse) {}

    List<Suggestion> at(UUID org, UUID location) {
        CommerceProperties.Reorder r = properties.reorder();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                WITH sold AS (
                    SELECT product_id, -sum(quantity) AS units FROM stock_movements
                    WHERE org_id = :org AND location_id = :location AND kind IN ('sell', 'return') AND created_at >= :since
                    GROUP BY product_id),
                used AS (
                    SELECT sp.product_id,
                           sum(sp.quantity) FILTER (WHERE a.starts_at < :now AND a.status IN ('confirmed', 'completed')) AS past,
                           sum(sp.quantity) FILTER (WHERE a.starts_at >= :now AND a.status IN ('pending', 'confirmed')) AS ahead
                    FROM report_appointments a
                    JOIN service_products sp ON sp.org_id = a.org_id AND sp.service_id = a.service_id
                    WHERE a.org_id = :org AND sp.org_id = :org AND a.location_id = :location
                      AND a.starts_at >= :since AND a.starts_at < :until
                    GROUP BY sp.product_id),
                on_order AS (
                    SELECT l.product_id, sum(l.quantity) AS units FROM purchase_order_lines l
                    JOIN purchase_orders po ON po.org_id = l.org_id AND po.id = l.order_id
                    WHERE l.org_id = :org AND po.org_id = :org AND po.location_id = :location
                      AND po.status IN ('draft', 'ordered')
                    GROUP BY l.product_id),
                need AS (
                    SELECT p.id, p.sku, p.title,
                           coalesce(s.on_hand - s.reserved, 0) AS available,
                           coalesce(o.units, 0) AS on_order,
                           coalesce(sold.units, 0) AS sold,
                           coalesce(u.past, 0) AS used_past,
                           coalesce(u.ahead, 0) AS ahead,
                           (coalesce(sold.units, 0) + coalesce(u.past, 0)) / CAST(:history AS numeric) AS daily
                    FROM products p
                    LEFT JOIN stock_levels s ON s.org_id = p.org_id AND s.product_id = p.id AND s.location_id = :location
                    LEFT JOIN sold ON sold.product_id = p.id
                    LEFT JOIN used u ON u.product_id = p.id
                    LEFT JOIN on_order o ON o.product_id = p.id
                    WHERE p.org_id = :org AND p.deleted_at IS NULL AND p.active AND p.track_stock
                      AND (sold.units IS NOT NULL OR u.product_id IS NOT NULL OR s.product_id IS NOT NULL))
                SELECT id AS product_id, sku, title,
                       CAST(ceil(daily * :cover + ahead - available - on_order) AS int) AS quantity,
                       available, on_order, sold AS sold_in_history, used_past AS used_by_appointments,
                       ahead AS upcoming_use, round(daily, 3) AS daily_use
                FROM need
                WHERE daily * :cover + ahead - available - on_order > 0
                ORDER BY lower(title), id
                """)
                .param("org", org)
                .param("location", location)
                .param("now", now)
                .param("since", now.minusDays(r.historyDays()))
                .param("until", now.plusDays(r.aheadDays()))
                .param("history", r.historyDays())
                .param("cover", r.coverDays())
                .query(Rows.of(Suggestion.class))
                .list();
    }
}
