package io.wellbase.commerce.internal.catalog;

import io.wellbase.commerce.internal.Money;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Products: the catalogue's rows, read and written by sku and id; a deleted product keeps its row for orders. */
@Component
public class ProductStore {

    private static final TypeReference<Map<String, List<String>>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    private final SearchIndex search;

    ProductStore(JdbcClient jdbc, ObjectMapper json, SearchIndex search) {
        this.jdbc = jdbc;
        this.json = json;
        this.search = search;
    }

    /** A product as the API shows it. {@code taxRate} in percent. */
    public record Product(
            UUID id,
            String sku,
            String title,
            @Nullable String description,
            Money price,
            BigDecimal taxRate,
            boolean trackStock,
            @Nullable UUID categoryId,
            List<String> tags,
            Map<String, List<String>> attributes,
            List<UUID> imageFileIds,
            @Nullable Integer lastsDays,
            boolean active,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public int taxRateBp() {
            return taxRate.movePointRight(2).intValueExact();
        }
    }

    /** What a product is made of, checked. */
    public record Draft(
            String sku,
            String title,
            @Nullable String description,
            long price,
            int taxRateBp,
            boolean trackStock,
            @Nullable UUID categoryId,
            List<String> tags,
            Map<String, List<String>> attributes,
            List<UUID> imageFileIds,
            @Nullable Integer lastsDays,
            boolean active) {}

    void insert(UUID org, UUID id, String currency, Draft d) {
        jdbc.sql("""
                INSERT INTO products (id, org_id, sku, title, description, price_amount, currency, tax_rate_bp, track_stock,
                    category_id, tags, attributes, image_file_ids, lasts_days, active)
                VALUES (:id, :org, :sku, :title, :description, :price, :currency, :tax, :track, :category, :tags,
                    CAST(:attributes AS jsonb), :images, :lasts, :active)
                """)
                .param("id", id)
                .param("org", org)
                .param("currency", currency)
                .params(params(d))
                .update();
        search.changed(SearchType.PRODUCT, org, id);
    }

    /** Writes every field; false when the product is gone. */
    boolean update(UUID org, UUID id, Draft d) {
        int updated = jdbc.sql("""
                        UPDATE products SET sku = :sku, title = :title, description = :description, price_amount = :price,
                            tax_rate_bp = :tax, track_stock = :track, category_id = :category, tags = :tags,
                            attributes = CAST(:attributes AS jsonb), image_file_ids = :images, lasts_days = :lasts,
                            active = :active, updated_at = now()
                        WHERE org_id = :org AND id = :id AND deleted_at IS NULL
                        """)
                .param("id", id)
                .param("org", org)
                .params(params(d))
                .update();
        search.changed(SearchType.PRODUCT, org, id);
        return updated == 1;
    }

    private Map<String, Object> params(Draft d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sku", d.sku());
        p.put("title", d.title());
        p.put("description", d.description());
        p.put("price", d.price());
        p.put("tax", d.taxRateBp());
        p.put("track", d.trackStock());
        p.put("category", d.categoryId());
        p.put("tags", d.tags().toArray(String[]::new));
        p.put("attributes", json.writeValueAsString(d.attributes()));
        p.put("images", d.imageFileIds().toArray(UUID[]::new));
        p.put("lasts", d.lastsDays());
        p.put("active", d.active());
        return p;
    }

    /** Soft delete: orders and favorites keep naming it; it leaves the catalogue and its sku is free again. */
    boolean delete(UUID org, UUID id) {
        int deleted = jdbc.sql("""
                        UPDATE products SET deleted_at = now(), active = false, updated_at = now()
                        WHERE org_id = :org AND id = :id AND deleted_at IS NULL
                        """).param("org", org).param("id", id).update();
        search.changed(SearchType.PRODUCT, org, id);
        return deleted == 1;
    }

    public Optional<Product> find(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM products WHERE org_id = :org AND id = :id AND deleted_at IS NULL")
                .param("org", org)
                .param("id", id)
                .query(this::product)
                .optional();
    }

    /** The organization's products with these ids that are not deleted (inactive ones too). */
    public Map<UUID, Product> findAll(UUID org, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Product> found = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM products WHERE org_id = :org AND id = ANY(:ids) AND deleted_at IS NULL")
                .param("org", org)
                .param("ids", ids.toArray(UUID[]::new))
                .query(this::product)
                .list()
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** Up to {@code limit} active, live products that have attributes (for matching them to client profiles). */
    public List<Product> withAttributes(UUID org, int limit) {
        return jdbc.sql("""
                SELECT * FROM products
                WHERE org_id = :org AND deleted_at IS NULL AND active AND attributes <> '{}'::jsonb
                LIMIT :limit
                """)
                .param("org", org)
                .param("limit", limit)
                .query(this::product)
                .list();
    }

    /** The live products with these skus (compared without case), by lower-cased sku. */
    Map<String, Product> bySku(UUID org, Collection<String> skus) {
        Map<String, Product> found = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM products WHERE org_id = :org AND lower(sku) = ANY(:skus) AND deleted_at IS NULL")
                .param("org", org)
                .param(
                        "skus",
                        skus.stream()
                                .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                                .toArray(String[]::new))
                .query(this::product)
                .list()
                .forEach(p -> found.put(p.sku().toLowerCase(java.util.Locale.ROOT), p));
        return found;
    }

    boolean skuTaken(UUID org, String sku, @Nullable UUID except) {
        return jdbc.sql("""
                        SELECT count(*) FROM products
                        WHERE org_id = :org AND lower(sku) = lower(:sku) AND deleted_at IS NULL
                          AND (CAST(:except AS uuid) IS NULL OR id <> :except)
                        """)
                        .param("org", org)
                        .param("sku", sku)
                        .param("except", except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Product product(ResultSet rs, int n) throws SQLException {
        Map<String, List<String>> attributes = json.readValue(rs.getString("attributes"), ATTRIBUTES);
        return new Product(
                rs.getObject("id", UUID.class),
                rs.getString("sku"),
                rs.getString("title"),
                rs.getString("description"),
                new Money(rs.getLong("price_amount"), rs.getString("currency")),
                BigDecimal.valueOf(rs.getInt("tax_rate_bp"), 2),
                rs.getBoolean("track_stock"),
                rs.getObject("category_id", UUID.class),
                strings(rs.getArray("tags")),
                attributes,
                uuids(rs.getArray("image_file_ids")),
                (Integer) rs.getObject("lasts_days"),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static List<UUID> uuids(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
