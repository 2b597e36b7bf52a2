package io.wellbase.commerce.internal.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.commerce.internal.catalog.ProductStore;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stock per location and its movements, for staff with {@code inventory.manage}. */
@RestController
@Tag(name = "Commerce")
class InventoryController {

    static final SortSpec SORT = SortSpec.of(Map.of("title", "lower(p.title)"), "title", "s.product_id, s.location_id");

    private final StockLevels stock;
    private final InventoryQueries queries;
    private final ProductStore products;
    private final Locations locations;
    private final AuditTrail audit;

    InventoryController(
            StockLevels stock, InventoryQueries queries, ProductStore products, Locations locations, AuditTrail audit) {
        this.stock = stock;
        this.queries = queries;
        this.products = products;
        this.locations = locations;
        this.audit = audit;
    }

    record MovementBody(
            @Nullable UUID productId,
            @Nullable UUID locationId,
            @Nullable String kind,
            @Nullable Integer quantity,
            @Nullable String reason) {}

    record TransferBody(
            @Nullable UUID productId,
            @Nullable UUID fromLocationId,
            @Nullable UUID toLocationId,
            @Nullable Integer quantity,
            @Nullable String reason) {}

    record ThresholdBody(
            @Nullable UUID productId,
            @Nullable UUID locationId,
            @Nullable Integer lowThreshold) {}

    @GetMapping("/api/v1/inventory")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional(readOnly = true)
    @Operation(summary = "Stock by product and location: locationId, productId, lowStock (at or below its threshold)")
    PageResult<InventoryQueries.Row> list(
            Caller caller,
            @RequestParam(required = false) @Nullable UUID locationId,
            @RequestParam(required = false) @Nullable UUID productId,
            @RequestParam(defaultValue = "false") boolean lowStock,
            @Paged PageQuery page) {
        UUID org = caller.requireOrganization();
        return queries.levels(org, locationId, productId, lowStock, page, page.orderBy(SORT));
    }

    @GetMapping("/api/v1/inventory/movements")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional(readOnly = true)
    @Operation(summary = "Movements, newest first, by cursor: productId, locationId")
    CursorPage<InventoryQueries.Movement> movements(
            Caller caller,
            @RequestParam(required = false) @Nullable UUID productId,
            @RequestParam(required = false) @Nullable UUID locationId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw ApiException.invalidField("limit", "must be between 1 and 200");
        }
        UUID org = caller.requireOrganization();
        return CursorPage.fromLookahead(
                queries.movements(org, productId, locationId, CursorPage.idCursor(cursor), limit),
                limit,
                InventoryQueries.Movement::id);
    }

    @PostMapping("/api/v1/inventory/movements")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional
    @Operation(
            summary = "Receive (quantity > 0), return (> 0) or adjust (either sign, with a reason) stock at a location;"
                    + " sales move stock through orders")
    ResponseEntity<Map<String, Object>> move(Caller caller, @RequestBody MovementBody b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        checkProduct(org, b.productId(), "productId", errors);
        checkLocation(org, b.locationId(), "locationId", errors);
        MovementKind kind = b.kind() == null ? null : MovementKind.of(b.kind()).orElse(null);
        if (kind != MovementKind.RECEIVE && kind != MovementKind.RETURN && kind != MovementKind.ADJUST) {
            errors.add(
                    new ApiException.FieldError("kind", "receive, return or adjust (transfers: /inventory/transfers)"));
        }
        int q = b.quantity() == null ? 0 : b.quantity();
        if (q == 0 || Math.abs(q) > 1_000_000 || (kind != MovementKind.ADJUST && q < 0)) {
            errors.add(new ApiException.FieldError(
                    "quantity", "a whole number other than 0 (negative only for an adjustment), at most 1,000,000"));
        }
        String reason = reason(b.reason(), kind == MovementKind.ADJUST, errors);
        ApiException.throwIfInvalid(errors);
        UUID id = stock.move(
                org,
                new StockLevels.Movement(b.productId(), b.locationId(), kind, q, reason, null, null, caller.userId()));
        audit.record(AuditRecord.of(
                org,
                "inventory.moved",
                "product",
                b.productId(),
                Map.of("quantity", new AuditChange(null, q), "kind", new AuditChange(null, kind.value()))));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "stock", stock.of(org, b.productId())));
    }

    @PostMapping("/api/v1/inventory/transfers")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional
    @Operation(summary = "Move stock from one location to another: a pair of movements in one transaction")
    ResponseEntity<Map<String, Object>> transfer(Caller caller, @RequestBody TransferBody b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        checkProduct(org, b.productId(), "productId", errors);
        checkLocation(org, b.fromLocationId(), "fromLocationId", errors);
        checkLocation(org, b.toLocationId(), "toLocationId", errors);
        if (b.fromLocationId() != null && b.fromLocationId().equals(b.toLocationId())) {
            errors.add(new ApiException.FieldError("toLocationId", "must differ from fromLocationId"));
        }
        if (b.quantity() == null || b.quantity() < 1 || b.quantity() > 1_000_000) {
            errors.add(new ApiException.FieldError("quantity", "a whole number from 1 to 1,000,000"));
        }
        String reason = reason(b.reason(), false, errors);
        ApiException.throwIfInvalid(errors);
        UUID transfer = Ids.newId();
        stock.move(
                org,
                new StockLevels.Movement(
                        b.productId(),
                        b.fromLocationId(),
                        MovementKind.TRANSFER_OUT,
                        -b.quantity(),
                        reason,
                        null,
                        transfer,
                        caller.userId()));
        stock.move(
                org,
                new StockLevels.Movement(
                        b.productId(),
                        b.toLocationId(),
                        MovementKind.TRANSFER_IN,
                        b.quantity(),
                        reason,
                        null,
                        transfer,
                        caller.userId()));
        audit.record(AuditRecord.of(
                org,
                "inventory.transferred",
                "product",
                b.productId(),
                Map.of("quantity", new AuditChange(null, b.quantity()))));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("transferId", transfer, "stock", stock.of(org, b.productId())));
    }

    @PutMapping("/api/v1/inventory/thresholds")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional
    @Operation(summary = "Set a product's low-stock threshold at a location (null clears it)")
    Map<String, Object> threshold(Caller caller, @RequestBody ThresholdBody b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        checkProduct(org, b.productId(), "productId", errors);
        checkLocation(org, b.locationId(), "locationId", errors);
        if (b.lowThreshold() != null && (b.lowThreshold() < 0 || b.lowThreshold() > 1_000_000)) {
            errors.add(new ApiException.FieldError("lowThreshold", "from 0 to 1,000,000, or null"));
        }
        ApiException.throwIfInvalid(errors);
        stock.threshold(org, b.productId(), b.locationId(), b.lowThreshold());
        audit.record(AuditRecord.of(
                org,
                "inventory.threshold_set",
                "product",
                b.productId(),
                Map.of("lowThreshold", new AuditChange(null, b.lowThreshold()))));
        return Map.of("stock", stock.of(org, b.productId()));
    }

    private void checkProduct(UUID org, @Nullable UUID id, String field, List<ApiException.FieldError> errors) {
        var p = id == null ? java.util.Optional.<ProductStore.Product>empty() : products.find(org, id);
        if (p.isEmpty()) {
            errors.add(new ApiException.FieldError(field, "must be a product of this organization"));
        } else if (!p.get().trackStock()) {
            errors.add(new ApiException.FieldError(field, "this product's stock is not tracked"));
        }
    }

    private void checkLocation(UUID org, @Nullable UUID id, String field, List<ApiException.FieldError> errors) {
        if (id == null || locations.find(org, id).isEmpty()) {
            errors.add(new ApiException.FieldError(field, "must be a location of this organization"));
        }
    }

    private static @Nullable String reason(
            @Nullable String given, boolean required, List<ApiException.FieldError> errors) {
        String reason = given == null ? null : given.strip();
        if ((required && (reason == null || reason.isEmpty())) || (reason != null && reason.length() > 500)) {
            errors.add(new ApiException.FieldError(
                    "reason",
                    required ? "an adjustment needs a reason (1 to 500 characters)" : "at most 500 characters"));
        }
        return reason == null || reason.isEmpty() ? null : reason;
    }
}
