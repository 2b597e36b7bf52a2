package io.wellbase.commerce.internal.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.commerce.internal.CommerceRefusal;
import io.wellbase.commerce.internal.stock.StockLevels;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue: staff with {@code product.manage} write it; everyone in the organization reads it, a client only
 * its active products.
 */
@RestController
@Tag(name = "Commerce")
class ProductsController {

    static final SortSpec SORT = SortSpec.of(
            Map.of(
                    "title", "lower(p.title)",
                    "sku", "lower(p.sku)",
                    "price", "p.price_amount",
                    "createdAt", "p.created_at"),
            "title",
            "p.id");

    private final ProductStore store;
    private final ProductQueries queries;
    private final ProductFields fields;
    private final CategoryStore categories;
    private final StockLevels stock;
    private final OrganizationProfiles organizations;
    private final AuditTrail audit;

    ProductsController(
            ProductStore store,
            ProductQueries queries,
            ProductFields fields,
            CategoryStore categories,
            StockLevels stock,
            OrganizationProfiles organizations,
            AuditTrail audit) {
        this.store = store;
        this.queries = queries;
        this.fields = fields;
        this.categories = categories;
        this.stock = stock;
        this.organizations = organizations;
        this.audit = audit;
    }

    /** One product with its stock per location. */
    record Detail(ProductStore.Product product, List<StockLevels.Level> stock) {}

    @GetMapping("/api/v1/products")
    @Transactional(readOnly = true)
    @Operation(
            summary = "List products: q (title or sku), category (and below), isActive, tag; by page and sort, or by"
                    + " cursor (creation order) when cursor is given (empty for the first page)")
    Object list(
            Caller caller,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID category,
            @RequestParam(required = false) @Nullable Boolean isActive,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            @Paged(sortable = true) PageQuery page) {
        UUID org = caller.requireOrganization();
        Boolean active = caller.role() == Role.CLIENT ? Boolean.TRUE : isActive;
        if (q != null && q.length() > 200) {
            throw ApiException.invalidField("q", "at most 200 characters");
        }
        List<UUID> categories = category == null ? null : this.categories.categoryAndBelow(org, category);
        ProductQueries.Filter filter = new ProductQueries.Filter(q, categories, active, tag);
        if (cursor != null) {
            if (sort != null) {
                throw ApiException.invalidField("sort", "a cursor pages in creation order; leave sort out");
            }
            List<ProductStore.Product> rows = queries.after(org, filter, CursorPage.idCursor(cursor), page.pageSize());
            return CursorPage.fromLookahead(rows, page.pageSize(), ProductStore.Product::id);
        }
        ProductQueries.Page result = queries.page(org, filter, page.orderBy(SORT), page.pageSize(), page.offset());
        return PageResult.of(result.rows(), page, result.total(), result.exact(), result.hasNext());
    }

    @GetMapping("/api/v1/products/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "One product, with its stock at each location")
    Detail get(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        ProductStore.Product p = store.find(org, id)
                .filter(found -> found.active() || caller.role() != Role.CLIENT)
                .orElseThrow(() -> ApiException.notFound("Product"));
        return new Detail(p, stock.of(org, id));
    }

    @PostMapping("/api/v1/products")
    @RequiresPermission(Permission.PRODUCT_MANAGE)
    @Transactional
    @Operation(summary = "Create a product; the price is in the organization's currency")
    ResponseEntity<ProductStore.Product> create(Caller caller, @RequestBody ProductFields.Body body) {
        UUID org = caller.requireOrganization();
        String currency = currency(org);
        List<ApiException.FieldError> errors = new ArrayList<>();
        ProductStore.Draft d = fields.draft(org, currency, body, null, "", errors);
        ApiException.throwIfInvalid(errors);
        if (store.skuTaken(org, d.sku(), null)) {
            throw new CommerceRefusal(CommerceRefusal.Reason.SKU_TAKEN, "Another product has the sku " + d.sku());
        }
        UUID id = Ids.newId();
        store.insert(org, id, currency, d);
        audit.record(AuditRecord.of(
                org,
                "product.created",
                "product",
                id,
                AuditChange.created(Map.of("sku", d.sku(), "title", d.title(), "price", d.price()))));
        return ResponseEntity.created(URI.create("/api/v1/products/" + id))
                .body(store.find(org, id).orElseThrow());
    }

    @PatchMapping("/api/v1/products/{id}")
    @RequiresPermission(Permission.PRODUCT_MANAGE)
    @Transactional
    @Operation(summary = "Change a product's fields (orders already placed keep the price they had)")
    ProductStore.Product update(Caller caller, @PathVariable UUID id, @RequestBody ProductFields.Body body) {
        UUID org = caller.requireOrganization();
        ProductStore.Product current = store.find(org, id).orElseThrow(() -> ApiException.notFound("Product"));
        List<ApiException.FieldError> errors = new ArrayList<>();
        ProductStore.Draft d = fields.draft(org, current.price().currency(), body, current, "", errors);
        ApiException.throwIfInvalid(errors);
        if (store.skuTaken(org, d.sku(), id)) {
            throw new CommerceRefusal(CommerceRefusal.Reason.SKU_TAKEN, "Another product has the sku " + d.sku());
        }
        store.update(org, id, d);
        audit.record(AuditRecord.of(org, "product.updated", "product", id, ProductAudit.diff(current, d)));
        return store.find(org, id).orElseThrow();
    }

    @DeleteMapping("/api/v1/products/{id}")
    @RequiresPermission(Permission.PRODUCT_MANAGE)
    @Transactional
    @Operation(
            summary =
                    "Delete a product: it leaves the catalogue; past orders keep it, drafts holding it cannot be placed")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        if (!store.delete(org, id)) {
            throw ApiException.notFound("Product");
        }
        audit.record(AuditRecord.of(org, "product.deleted", "product", id, Map.of()));
        return ResponseEntity.noContent().build();
    }

    private String currency(UUID org) {
        return organizations.find(org).orElseThrow().currency();
    }
}
