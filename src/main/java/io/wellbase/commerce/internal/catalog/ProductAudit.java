package io.wellbase.commerce.internal.catalog;

import io.wellbase.audit.AuditChange;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a product that a change touched, for the audit trail. */
final class ProductAudit {

    private ProductAudit() {}

    static Map<String, AuditChange> diff(ProductStore.Product before, ProductStore.Draft after) {
        return AuditChange.diff(snapshot(asDraft(before)), snapshot(after));
    }

    private static ProductStore.Draft asDraft(ProductStore.Product p) {
        return new ProductStore.Draft(
                p.sku(),
                p.title(),
                p.description(),
                p.price().amount(),
                p.taxRateBp(),
                p.trackStock(),
                p.categoryId(),
                p.tags(),
                p.attributes(),
                p.imageFileIds(),
                p.lastsDays(),
                p.active());
    }

    /** The audited fields by name (a map that may hold nulls: a product without category or known life). */
    private static Map<String, Object> snapshot(ProductStore.Draft d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sku", d.sku());
        fields.put("title", d.title());
        fields.put("price", d.price());
        fields.put("taxRateBp", d.taxRateBp());
        fields.put("trackStock", d.trackStock());
        fields.put("categoryId", d.categoryId());
        fields.put("tags", d.tags());
        fields.put("attributes", d.attributes());
        fields.put("lastsDays", d.lastsDays());
        fields.put("active", d.active());
        return fields;
    }
}
