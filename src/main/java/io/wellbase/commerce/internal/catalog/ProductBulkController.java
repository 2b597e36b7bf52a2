package io.wellbase.commerce.internal.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates or updates up to 1,000 products by sku in one transaction. A row that cannot be taken (an invalid field, a
 * sku given twice, an unknown sku when only updates are asked) is reported with its number and changes nothing;
 * every other row is applied.
 */
@RestController
@Tag(name = "Commerce")
class ProductBulkController {

    static final int MAX_ROWS = 1000;

    private final ProductStore store;
    private final ProductFields fields;
    private final CategoryStore categories;
    private final OrganizationProfiles organizations;
    private final AuditTrail audit;

    ProductBulkController(
            ProductStore store,
            ProductFields fields,
            CategoryStore categories,
            OrganizationProfiles organizations,
            AuditTrail audit) {
        this.store = store;
        this.fields = fields;
        this.categories = categories;
        this.organizations = organizations;
        this.audit = audit;
    }

    record Body(
            @Nullable List<ProductFields.Body> items,
            @Nullable Boolean onlyUpdate) {}

    record RowResult(int row, String sku, UUID id, String outcome) {}

    record RowError(int row, @Nullable String sku, String field, String message) {}

    record Result(int created, int updated, int rejected, List<RowResult> results, List<RowError> errors) {}

    @PostMapping("/api/v1/products/bulk")
    @RequiresPermission(Permission.PRODUCT_MANAGE)
    @Transactional
    @Operation(
            summary =
                    "Create or update up to 1,000 products by sku (onlyUpdate: unknown skus are row errors); rows with"
                            + " errors are reported and change nothing, the others are applied")
    Result bulk(Caller caller, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        List<ProductFields.Body> items = b.items() == null ? List.of() : b.items();
        if (items.isEmpty() || items.size() > MAX_ROWS) {
            throw ApiException.invalidField("items", "1 to " + MAX_ROWS + " products");
        }
        String currency = organizations.find(org).orElseThrow().currency();
        Set<UUID> knownCategories = new HashSet<>();
        categories.all(org).forEach(c -> knownCategories.add(c.id()));
        List<String> skus = items.stream()
                .filter(i -> i != null && i.sku() != null)
                .map(i -> i.sku().strip())
                .toList();
        Map<String, ProductStore.Product> existing = store.bySku(org, skus);
        Set<String> seen = new HashSet<>();
        List<RowResult> results = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (int row = 0; row < items.size(); row++) {
            ProductFields.Body item = items.get(row);
            String sku = item == null || item.sku() == null ? null : item.sku().strip();
            if (sku == null || sku.isEmpty()) {
                errors.add(new RowError(row, null, "sku", "is required: rows are matched by sku"));
                continue;
            }
            String key = sku.toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                errors.add(new RowError(row, sku, "sku", "is on an earlier row of this request"));
                continue;
            }
            ProductStore.Product current = existing.get(key);
            if (current == null && Boolean.TRUE.equals(b.onlyUpdate())) {
                errors.add(new RowError(row, sku, "sku", "no product has this sku"));
                continue;
            }
            List<ApiException.FieldError> rowErrors = new ArrayList<>();
            ProductStore.Draft d = fields.draft(org, currency, item, current, "", rowErrors, knownCategories::contains);
            if (d == null) {
                int r = row;
                rowErrors.forEach(e -> errors.add(new RowError(r, sku, e.field(), e.message())));
                continue;
            }
            if (current == null) {
                UUID id = Ids.newId();
                store.insert(org, id, currency, d);
                results.add(new RowResult(row, sku, id, "created"));
                created++;
            } else {
                store.update(org, current.id(), d);
                results.add(new RowResult(row, sku, current.id(), "updated"));
                updated++;
            }
        }
        audit.record(AuditRecord.of(
                org,
                "product.bulk_saved",
                "organization",
                org,
                Map.of(
                        "created",
                        new AuditChange(null, created),
                        "updated",
                        new AuditChange(null, updated),
                        "rejected",
                        new AuditChange(null, errors.size()))));
        return new Result(
                created,
                updated,
                (int) errors.stream().map(RowError::row).distinct().count(),
                results,
                errors);
    }
}
