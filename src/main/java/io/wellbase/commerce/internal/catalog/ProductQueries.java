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
            @Nullable String q,
            @Nullable List<UUID> categories,
            @Nullable Boolean active,
            @Nullable String tag) {}

    /** Totals are exact up to this many matching products; beyond, {@code total_exact} is false. */
    static final int EXACT_TOTAL_LIMIT = 1000;

    /** A page; {@code total} is exact when {@code exact}, else a lower bound; {@code hasNext} is always known. */
    record Page(List<ProductStore.Product> rows, long total, boolean exact, boolean hasNext) {}

    Page page(UUID org, Filter f, String orderBy, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(org, f, params);
        customPlanFor(f);
        List<ProductStore.Product> rows = jdbc.sql("SELECT * FROM products p WHERE " + where + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", limit + 1)
                .param("offset", offset)
                .query(products::product)
                .list();
        boolean hasNext = rows.size() > limit;
        List<ProductStore.Product> shown = hasNext ? rows.subList(0, limit) : rows;
        long counted = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM products p WHERE " + where + " LIMIT "
                        + (EXACT_TOTAL_LIMIT + 1) + ") matching")
                .params(params)
                .query(Long.class)
                .single();
        boolean exact = counted <= EXACT_TOTAL_LIMIT;
        long total = Math.max(exact ? counted : EXACT_TOTAL_LIMIT, offset + shown.size() + (hasNext ? 1 : 0));
        return new Page(List.copyOf(shown), total, exact, hasNext);
    }

    /** Rows after {@code after} in id order (creation order), one more than {@code size} to tell a next page. */
    List<ProductStore.Product> after(UUID org, Filter f, @Nullable UUID after, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(org, f, params);
        customPlanFor(f);
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

    /**
     * A text search is planned for its own pattern: a plan made for any pattern (the generic plan the driver's
     * prepared statement would get after five runs) cannot tell a rare pattern, which the trigram index serves, from
     * a common one, and falls back to reading every product. Within the caller's (read-only) transaction only.
     */
    private void customPlanFor(Filter f) {
        if (f.q() != null && !f.q().isBlank()) {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }
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
