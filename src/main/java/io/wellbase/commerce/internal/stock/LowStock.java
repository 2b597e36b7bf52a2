package io.wellbase.commerce.internal.stock;

import io.wellbase.commerce.StockRanLow;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells (through {@link StockRanLow}) the staff who manage stock when a product's available stock at a location falls to its low-stock threshold:
 * once per fall (the flag is set by a conditional update, so two orders taking the last units alert once), again only
 * after stock rose above the threshold.
 */
@Component
class LowStock {

    private final JdbcClient jdbc;
    private final Locations locations;
    private final ApplicationEventPublisher events;

    LowStock(JdbcClient jdbc, Locations locations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.events = events;
    }

    record Fallen(UUID productId, String sku, String title, int available, int threshold) {}

    void check(UUID org, UUID location, Collection<UUID> products) {
        if (products.isEmpty()) {
            return;
        }
        List<Fallen> fallen = jdbc.sql("""
                UPDATE stock_levels s SET low_alerted = true
                FROM products p
                WHERE s.org_id = :org AND s.location_id = :location AND s.product_id = ANY(:products)
                  AND s.low_threshold IS NOT NULL AND s.on_hand - s.reserved <= s.low_threshold AND NOT s.low_alerted
                  AND p.org_id = :org AND p.id = s.product_id
                RETURNING s.product_id, p.sku, p.title, s.on_hand - s.reserved AS available, s.low_threshold AS threshold
                """)
                .param("org", org)
                .param("location", location)
                .param("products", products.toArray(UUID[]::new))
                .query(Rows.of(Fallen.class))
                .list();
        if (fallen.isEmpty()) {
            return;
        }
        String place = locations.place(org, location).map(Locations.Place::name).orElse("");
        for (Fallen f : fallen) {
            events.publishEvent(new StockRanLow(
                    org,
                    Ids.newId(),
                    f.productId(),
                    f.sku(),
                    f.title(),
                    location,
                    place,
                    f.available(),
                    f.threshold()));
        }
    }
}
