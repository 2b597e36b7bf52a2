package io.wellbase.commerce.internal.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.commerce.internal.CommerceRefusal;
import io.wellbase.commerce.internal.catalog.ProductStore;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Reorder suggestions and the purchase orders drafted from them. Nothing is ever ordered by itself: staff review a
 * draft, change its lines, mark it ordered, and receive it (which adds the stock).
 */
@RestController
@Tag(name = "Commerce")
class PurchaseOrdersController {

    private final ReorderSuggestions suggestions;
    private final StockLevels stock;
    private final ProductStore products;
    private final Locations locations;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;

    PurchaseOrdersController(
            ReorderSuggestions suggestions,
            StockLevels stock,
            ProductStore products,
            Locations locations,
            JdbcClient jdbc,
            ObjectMapper json,
            AuditTrail audit) {
        this.suggestions = suggestions;
        this.stock = stock;
        this.products = products;
        this.locations = locations;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    record Line(UUID productId, String sku, String title, int quantity, Map<String, Object> basis) {}

    record PurchaseOrder(
            UUID id,
            UUID locationId,
            String status,
            @Nullable String note,
            OffsetDateTime createdAt,
            List<Line> lines) {}

    record DraftBody(@Nullable UUID locationId) {}

    record LineBody(@Nullable UUID productId, @Nullable Integer quantity) {}

    record ChangeBody(@Nullable String note, @Nullable List<LineBody> lines) {}

    @GetMapping("/api/v1/inventory/reorder-suggestions")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional(readOnly = true)
    @Operation(summary = "What a location should reorder, per product, with the use and bookings it is computed from")
    Map<String, List<ReorderSuggestions.Suggestion>> suggestions(Caller caller, @RequestParam UUID locationId) {
        UUID org = caller.requireOrganization();
        location(org, locationId);
        return Map.of("data", suggestions.at(org, locationId));
    }

    @PostMapping("/api/v1/purchase-orders/drafts")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional
    @Operation(summary = "Draft a purchase order from a location's reorder suggestions, for staff to review")
    ResponseEntity<PurchaseOrder> draft(Caller caller, @RequestBody DraftBody b) {
        UUID org = caller.requireOrganization();
        location(org, b.locationId());
        List<ReorderSuggestions.Suggestion> due = suggestions.at(org, b.locationId());
        if (due.isEmpty()) {
            throw ApiException.unprocessable(
                    "purchase_order.nothing_to_reorder", "Nothing needs reordering at this location");
        }
        UUID id = Ids.newId();
        jdbc.sql(
                        "INSERT INTO purchase_orders (id, org_id, location_id, status, created_by) VALUES (:id, :org, :location, 'draft', :by)")
                .param("id", id)
                .param("org", org)
                .param("location", b.locationId())
                .param("by", caller.userId())
                .update();
        for (ReorderSuggestions.Suggestion s : due) {
            insertLine(
                    org,
                    id,
                    s.productId(),
                    s.quantity(),
                    Map.of(
                            "available", s.available(),
                            "onOrder", s.onOrder(),
                            "soldInHistory", s.soldInHistory(),
                            "usedByAppointments", s.usedByAppointments(),
                            "upcomingUse", s.upcomingUse(),
                            "dailyUse", s.dailyUse()));
        }
        audit.record(AuditRecord.of(
                org,
                "purchase_order.drafted",
                "purchase_order",
                id,
                Map.of("lines", new AuditChange(null, due.size()))));
        return ResponseEntity.created(URI.create("/api/v1/purchase-orders/" + id))
                .body(find(org, id));
    }

    @GetMapping("/api/v1/purchase-orders")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional(readOnly = true)
    @Operation(summary = "Purchase orders, newest first: status, locationId")
    Map<String, List<PurchaseOrder>> list(
            Caller caller,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID locationId) {
        UUID org = caller.requireOrganization();
        List<UUID> ids = jdbc.sql("""
                SELECT id FROM purchase_orders
                WHERE org_id = :org AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:location AS uuid) IS NULL OR location_id = :location)
                ORDER BY created_at DESC, id DESC LIMIT 200
                """)
                .param("org", org)
                .param("status", status)
                .param("location", locationId)
                .query(UUID.class)
                .list();
        return Map.of("data", load(org, ids));
    }

    @GetMapping("/api/v1/purchase-orders/{id}")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional(readOnly = true)
    @Operation(summary = "One purchase order with its lines and what each was computed from")
    PurchaseOrder get(Caller caller, @PathVariable UUID id) {
        return find(caller.requireOrganization(), id);
    }

    @PatchMapping("/api/v1/purchase-orders/{id}")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional
    @Operation(summary = "Change a draft's note or lines (a quantity of 0 removes a line)")
    PurchaseOrder change(Caller caller, @PathVariable UUID id, @RequestBody ChangeBody b) {
        UUID org = caller.requireOrganization();
        PurchaseOrder po = find(org, id);
        requireStatus(po, "draft");
        if (b.lines() != null) {
            List<ApiException.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < b.lines().size(); i++) {
                LineBody l = b.lines().get(i);
                if (l == null
                        || l.productId() == null
                        || products.find(org, l.productId()).isEmpty()) {
                    errors.add(new ApiException.FieldError(
                            "lines[" + i + "].productId", "must be a product of this organization"));
                } else if (l.quantity() == null || l.quantity() < 0 || l.quantity() > 1_000_000) {
                    errors.add(
                            new ApiException.FieldError("lines[" + i + "].quantity", "from 0 (remove) to 1,000,000"));
                }
            }
            ApiException.throwIfInvalid(errors);
            for (LineBody l : b.lines()) {
                jdbc.sql(
                                "DELETE FROM purchase_order_lines WHERE org_id = :org AND order_id = :id AND product_id = :product")
                        .param("org", org)
                        .param("id", id)
                        .param("product", l.productId())
                        .update();
                if (l.quantity() > 0) {
                    insertLine(
                            org,
                            id,
                            l.productId(),
                            l.quantity(),
                            Map.of("changedBy", caller.userId().toString()));
                }
            }
        }
        if (b.note() != null) {
            if (b.note().length() > 2000) {
                throw ApiException.invalidField("note", "at most 2,000 characters");
            }
            jdbc.sql("UPDATE purchase_orders SET note = :note, updated_at = now() WHERE org_id = :org AND id = :id")
                    .param("org", org)
                    .param("id", id)
                    .param("note", b.note())
                    .update();
        }
        audit.record(AuditRecord.of(org, "purchase_order.changed", "purchase_order", id, Map.of()));
        return find(org, id);
    }

    @PostMapping("/api/v1/purchase-orders/{id}/order")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional
    @Operation(summary = "Mark a reviewed draft as ordered from the supplier")
    PurchaseOrder order(Caller caller, @PathVariable UUID id) {
        return move(caller, id, List.of("draft"), "ordered");
    }

    @PostMapping("/api/v1/purchase-orders/{id}/cancel")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional
    @Operation(summary = "Cancel a draft or ordered purchase order")
    PurchaseOrder cancel(Caller caller, @PathVariable UUID id) {
        return move(caller, id, List.of("draft", "ordered"), "cancelled");
    }

    @PostMapping("/api/v1/purchase-orders/{id}/receive")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional
    @Operation(summary = "Receive an ordered purchase order: each line is a receipt into the location's stock")
    PurchaseOrder receive(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        PurchaseOrder po = move(caller, id, List.of("ordered"), "received");
        for (Line l : po.lines()) {
            stock.move(
                    org,
                    new StockLevels.Movement(
                            l.productId(),
                            po.locationId(),
                            MovementKind.RECEIVE,
                            l.quantity(),
                            "purchase order",
                            null,
                            null,
                            caller.userId()));
        }
        return po;
    }

    private PurchaseOrder move(Caller caller, UUID id, List<String> from, String to) {
        UUID org = caller.requireOrganization();
        PurchaseOrder po = find(org, id);
        int changed = jdbc.sql("""
                UPDATE purchase_orders SET status = :to, updated_at = now()
                WHERE org_id = :org AND id = :id AND status = ANY(:from)
                """)
                .param("org", org)
                .param("id", id)
                .param("to", to)
                .param("from", from.toArray(String[]::new))
                .update();
        if (changed == 0) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.WRONG_STATUS,
                    "This purchase order is " + po.status() + "; it can only be " + to + " from "
                            + String.join(" or ", from));
        }
        audit.record(AuditRecord.of(
                org, "purchase_order." + to, "purchase_order", id, Map.of("status", new AuditChange(po.status(), to))));
        return find(org, id);
    }

    private void requireStatus(PurchaseOrder po, String status) {
        if (!po.status().equals(status)) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.WRONG_STATUS,
                    "Only a " + status + " can change; this one is " + po.status());
        }
    }

    private void insertLine(UUID org, UUID po, UUID product, int quantity, Map<String, Object> basis) {
        jdbc.sql("""
                INSERT INTO purchase_order_lines (id, org_id, order_id, product_id, quantity, basis)
                VALUES (:id, :org, :po, :product, :q, CAST(:basis AS jsonb))
                """)
                .param("id", Ids.newId())
                .param("org", org)
                .param("po", po)
                .param("product", product)
                .param("q", quantity)
                .param("basis", json.writeValueAsString(basis))
                .update();
    }

    private PurchaseOrder find(UUID org, UUID id) {
        return load(org, List.of(id)).stream().findFirst().orElseThrow(() -> ApiException.notFound("Purchase order"));
    }

    /** The purchase orders with these ids, in that order, with their lines read in one query for all of them. */
    private List<PurchaseOrder> load(UUID org, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Line>> lines = jdbc
                .sql("""
                SELECT l.order_id, l.product_id, p.sku, p.title, l.quantity, l.basis::text FROM purchase_order_lines l
                JOIN products p ON p.org_id = l.org_id AND p.id = l.product_id
                WHERE l.org_id = :org AND p.org_id = :org AND l.order_id = ANY(:ids) ORDER BY lower(p.title), l.id
                """)
                .param("org", org)
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        new Line(
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                json.readValue(
                                        rs.getString(6),
                                        new tools.jackson.core.type.TypeReference<Map<String, Object>>() {}))))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Map.Entry::getKey,
                        java.util.stream.Collectors.mapping(
                                Map.Entry::getValue, java.util.stream.Collectors.toList())));
        Map<UUID, PurchaseOrder> found = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT id, location_id, status, note, created_at FROM purchase_orders
                WHERE org_id = :org AND id = ANY(:ids)
                """)
                .param("org", org)
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new PurchaseOrder(
                            id,
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class),
                            lines.getOrDefault(id, List.of()));
                })
                .list()
                .forEach(po -> found.put(po.id(), po));
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    private void location(UUID org, @Nullable UUID id) {
        if (id == null || locations.find(org, id).isEmpty()) {
            throw ApiException.invalidField("locationId", "must be a location of this organization");
        }
    }
}
