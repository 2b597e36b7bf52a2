package io.wellbase.commerce.internal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The product list: only the filters asked for go into the statement, so each combination gets the plan of its own
 * indexes (title order, trigram search, tags, category).
 */
@Component
class ProductQueries {

    private final JdbcClient jdbc;
    private final ProductStore products;

    ProductQueries(JdbcClient jdbc, ProductStore products) {
        this.jdbc = jdbc;
        this.products = products;
    }

    /** What a list asks for; {@code categories} already holds the asked category and those below it. */
    record Filter(
            @Nullable String q, @Nullable List<UUID> categories, @Nullable Boolean active, @Nullable String tag) {}

    record Page(List<ProductStore.Product> rows, long total) {}

    Page page(UUID org, Filter f, String orderBy, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(org, f, params);
        List<ProductStore.Product> rows = jdbc.sql("SELECT * FROM products p WHERE " + where + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(products::product)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM products p WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
        return new Page(rows, total);
    }

    /** Rows after {@code after} in id order (creation order), one more than {@code size} to tell a next page. */
    List<ProductStore.Product> after(UUID org, Filter f, @Nullable UUID after, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(org, f, params);
        if (after != null) {
            where += " AND p.id > :after";
            params.put("after", after);
        }
        return jdbc.sql("SELECT * FROM products p WHERE " + where + " ORDER BY p.id LIMIT :limit")
                .params(params)
                .param("limit", size + 1)
                .query(products::product)
                .list();
    }

    /** The category and every category below it. */
    List<UUID> categoryAndBelow(UUID org, UUID category) {
        return jdbc.sql("""
                WITH RECURSIVE category_tree (id) AS (
                    SELECT id FROM product_categories WHERE org_id = :org AND id = :category
                    UNION
                    SELECT c.id FROM product_categories c JOIN category_tree t ON c.parent_id = t.id WHERE c.org_id = :org)
                SELECT id FROM category_tree
                """)
                .param("org", org)
                .param("category", category)
                .query(UUID.class)
                .list();
    }

    private static String where(UUID org, Filter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>(List.of("p.org_id = :org", "p.deleted_at IS NULL"));
        params.put("org", org);
        if (f.active() != null) {
            clauses.add("p.active = :active");
            params.put("active", f.active());
        }
        if (f.q() != null && !f.q().isBlank()) {
            clauses.add("lower(p.title || ' ' || p.sku) LIKE :q ESCAPE '\\'");
            params.put("q", "%" + like(f.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            clauses.add("p.tags @> ARRAY[CAST(:tag AS text)]");
            params.put("tag", f.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (f.categories() != null) {
            clauses.add("p.category_id = ANY(:categories)");
            params.put("categories", f.categories().toArray(UUID[]::new));
        }
        return String.join(" AND ", clauses);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
