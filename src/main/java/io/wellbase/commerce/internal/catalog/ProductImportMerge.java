package io.wellbase.commerce.internal.catalog;

import io.wellbase.commerce.ProductImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import org.springframework.stereotype.Component;

/** The merge of a product import, set-based: a handful of statements whatever the file's size. */
@Component
class ProductImportMerge implements ProductImports {

    private final SearchIndex search;

    ProductImportMerge(SearchIndex search) {
        this.search = search;
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        sql.update("""
                INSERT INTO product_categories (id, org_id, parent_id, name)
                SELECT gen_random_uuid(), :org, NULL, n.name
                FROM (SELECT DISTINCT ON (lower(category)) category AS name FROM import_stage
                      WHERE category IS NOT NULL ORDER BY lower(category), row_no) n
                WHERE NOT EXISTS (
                    SELECT 1 FROM product_categories c
                    WHERE c.org_id = :org AND c.parent_id IS NULL AND lower(c.name) = lower(n.name))
                """);
        sql.update(
                "ALTER TABLE import_stage ADD COLUMN target_id uuid, ADD COLUMN category_id uuid, ADD COLUMN changed boolean");
        sql.update("""
                UPDATE import_stage s SET category_id = c.id
                FROM product_categories c
                WHERE c.org_id = :org AND c.parent_id IS NULL AND lower(c.name) = lower(s.category)
                """);
        sql.update("""
                UPDATE import_stage s SET target_id = p.id,
                    changed = (p.title, coalesce(p.description, ''), p.price_amount, p.tax_rate_bp, p.category_id, p.tags,
                               p.active, p.lasts_days)
                          IS DISTINCT FROM (s.title, coalesce(s.description, ''), s.price, s.tax_bp,
                               coalesce(s.category_id, p.category_id), coalesce(string_to_array(s.tags, ','), p.tags), s.active,
                               coalesce(s.lasts_days, p.lasts_days))
                FROM products p
                WHERE p.org_id = :org AND p.deleted_at IS NULL AND lower(p.sku) = s.ext_id
                """);
        long updated = sql.update("""
                UPDATE products p SET title = s.title, description = coalesce(s.description, p.description),
                    price_amount = s.price, tax_rate_bp = s.tax_bp, category_id = coalesce(s.category_id, p.category_id),
                    tags = coalesce(string_to_array(s.tags, ','), p.tags), active = s.active, lasts_days = coalesce(s.lasts_days, p.lasts_days),
                    updated_at = now()
                FROM import_stage s
                WHERE p.org_id = :org AND p.id = s.target_id AND s.changed
                """);
        long created = sql.update("""
                INSERT INTO products (id, org_id, sku, title, description, price_amount, currency, tax_rate_bp, category_id,
                    tags, active, lasts_days)
                SELECT new_id, :org, sku, title, description, price, :currency, tax_bp, category_id, coalesce(string_to_array(tags, ','), '{}'),
                       active, lasts_days
                FROM import_stage WHERE target_id IS NULL
                """);
        long matched = sql.count("SELECT count(*) FROM import_stage WHERE target_id IS NOT NULL");
        sql.update("ANALYZE products");
        search.changed(
                SearchType.PRODUCT,
                sql.organizationId(),
                sql.ids("SELECT coalesce(target_id, new_id) FROM import_stage"));
        return new MergeResult(created, updated, matched - updated);
    }
}
