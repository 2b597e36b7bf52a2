package io.wellbase.commerce.internal.stock;

import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of stock levels and movements. */
@Component
class InventoryQueries {

    private final JdbcClient jdbc;

    InventoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            UUID productId,
            String sku,
            String title,
            UUID locationId,
            int onHand,
            int reserved,
            int available,
            @Nullable Integer lowThreshold,
            boolean low) {}

    record Movement(
            UUID id,
            UUID productId,
            UUID locationId,
            String kind,
            int quantity,
            @Nullable String reason,
            @Nullable UUID orderId,
            @Nullable UUID transferId,
            @Nullable UUID createdBy,
            OffsetDateTime createdAt) {}

    private static final String LEVELS = """
            FROM stock_levels s JOIN products p ON p.org_id = s.org_id AND p.id = s.product_id
            WHERE s.org_id = :org AND p.org_id = :org AND p.deleted_at IS NULL
              AND (CAST(:location AS uuid) IS NULL OR s.location_id = :location)
              AND (CAST(:product AS uuid) IS NULL OR s.product_id = :product)
              AND (NOT :low OR (s.low_threshold IS NOT NULL AND s.on_hand - s.reserved <= s.low_threshold))
            """;

    PageResult<Row> levels(
            UUID org, @Nullable UUID location, @Nullable UUID product, boolean low, PageQuery page, String orderBy) {
        List<Row> rows = jdbc.sql("""
                SELECT s.product_id, p.sku, p.title, s.location_id, s.on_hand, s.reserved, s.on_hand - s.reserved AS available,
                       s.low_threshold, coalesce(s.on_hand - s.reserved <= s.low_threshold, false) AS low
                """ + LEVELS + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .param("org", org)
                .param("location", location)
                .param("product", product)
                .param("low", low)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(Rows.of(Row.class))
                .list();
        long total = jdbc.sql("SELECT count(*) " + LEVELS)
                .param("org", org)
                .param("location", location)
                .param("product", product)
                .param("low", low)
                .query(Long.class)
                .single();
        return PageResult.of(rows, page, total);
    }

    List<Movement> movements(
            UUID org, @Nullable UUID product, @Nullable UUID location, @Nullable UUID before, int limit) {
        return jdbc.sql("""
                SELECT id, product_id, location_id, kind, quantity, reason, order_id, transfer_id, created_by, created_at
                FROM stock_movements
                WHERE org_id = :org
                  AND (CAST(:product AS uuid) IS NULL OR product_id = :product)
                  AND (CAST(:location AS uuid) IS NULL OR location_id = :location)
                  AND (CAST(:before AS uuid) IS NULL OR id < :before)
                ORDER BY id DESC
                LIMIT :limit
                """)
                .param("org", org)
                .param("product", product)
                .param("location", location)
                .param("before", before)
                .param("limit", limit + 1)
                .query(Rows.of(Movement.class))
                .list();
    }
}
