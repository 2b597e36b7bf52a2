package io.wellbase.commerce.internal.catalog;

import io.wellbase.audit.AuditChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields of a product that a change touched, for the audit trail. */
final class ProductAudit {

    private ProductAudit() {}

    static Map<String, AuditChange> diff(ProductStore.Product before, ProductStore.Draft after) {
        Map<String, AuditChange> changes = new LinkedHashMap<>();
        put(changes, "sku", before.sku(), after.sku());
        put(changes, "title", before.title(), after.title());
        put(changes, "price", before.price().amount(), after.price());
        put(changes, "taxRateBp", before.taxRateBp(), after.taxRateBp());
        put(changes, "trackStock", before.trackStock(), after.trackStock());
        put(changes, "categoryId", before.categoryId(), after.categoryId());
        put(changes, "tags", before.tags(), after.tags());
        put(changes, "attributes", before.attributes(), after.attributes());
        put(changes, "lastsDays", before.lastsDays(), after.lastsDays());
        put(changes, "active", before.active(), after.active());
        return changes;
    }

    private static void put(Map<String, AuditChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new AuditChange(before, after));
        }
    }
}
