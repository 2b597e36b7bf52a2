package io.wellbase.commerce.internal.catalog;

import io.wellbase.platform.data.Rows;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Product categories: a tree by {@code parent_id}, names unique among siblings. */
@Component
class CategoryStore {

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Category(UUID id, @Nullable UUID parentId, String name, int position) {}

    Optional<Category> find(UUID org, UUID id) {
        return jdbc.sql("SELECT id, parent_id, name, position FROM product_categories WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(Rows.of(Category.class))
                .optional();
    }

    List<Category> all(UUID org) {
        return jdbc.sql("""
                SELECT id, parent_id, name, position FROM product_categories
                WHERE org_id = :org ORDER BY position, lower(name), id
                """).param("org", org).query(Rows.of(Category.class)).list();
    }

    boolean nameTaken(UUID org, @Nullable UUID parent, String name, @Nullable UUID except) {
        return jdbc.sql("""
                        SELECT count(*) FROM product_categories
                        WHERE org_id = :org AND parent_id IS NOT DISTINCT FROM :parent AND lower(name) = lower(:name)
                          AND (CAST(:except AS uuid) IS NULL OR id <> :except)
                        """)
                        .param("org", org)
                        .param("parent", parent)
                        .param("name", name)
                        .param("except", except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(UUID org, Category c) {
        jdbc.sql("""
                INSERT INTO product_categories (id, org_id, parent_id, name, position)
                VALUES (:id, :org, :parent, :name, :position)
                """)
                .param("id", c.id())
                .param("org", org)
                .param("parent", c.parentId())
                .param("name", c.name())
                .param("position", c.position())
                .update();
    }

    void update(UUID org, Category c) {
        jdbc.sql("""
                UPDATE product_categories SET parent_id = :parent, name = :name, position = :position
                WHERE org_id = :org AND id = :id
                """)
                .param("id", c.id())
                .param("org", org)
                .param("parent", c.parentId())
                .param("name", c.name())
                .param("position", c.position())
                .update();
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

    /** Whether {@code candidate} is {@code category} itself or lies below it (moving there would make a cycle). */
    boolean isSelfOrBelow(UUID org, UUID category, UUID candidate) {
        return categoryAndBelow(org, category).contains(candidate);
    }

    /** Whether products (not deleted) or subcategories still use the category. */
    boolean inUse(UUID org, UUID id) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM products WHERE org_id = :org AND category_id = :id AND deleted_at IS NULL)
                            OR EXISTS (SELECT 1 FROM product_categories WHERE org_id = :org AND parent_id = :id)
                        """)
                .param("org", org)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    void delete(UUID org, UUID id) {
        // deleted products keep no category: the row can go
        jdbc.sql(
                        "UPDATE products SET category_id = NULL WHERE org_id = :org AND category_id = :id AND deleted_at IS NOT NULL")
                .param("org", org)
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM product_categories WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .update();
    }
}
