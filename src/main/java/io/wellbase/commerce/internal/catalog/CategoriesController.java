package io.wellbase.commerce.internal.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.commerce.internal.CommerceRefusal;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Product categories as a tree: everyone in the organization reads them, staff with {@code product.manage} shape them. */
@RestController
@Tag(name = "Commerce")
class CategoriesController {

    private final CategoryStore store;
    private final AuditTrail audit;

    CategoriesController(CategoryStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    record Body(
            @Nullable String name,
            @Nullable UUID parentId,
            @Nullable Integer position,
            @Nullable Boolean toTop) {}

    /** A category with its children, as a tree. */
    record Node(UUID id, @Nullable UUID parentId, String name, int position, List<Node> children) {}

    @GetMapping("/api/v1/product-categories")
    @Operation(summary = "The organization's product categories as a tree")
    Map<String, List<Node>> tree(Caller caller) {
        Map<Optional<UUID>, List<CategoryStore.Category>> byParent = store.all(caller.requireOrganization()).stream()
                .collect(Collectors.groupingBy(
                        c -> Optional.ofNullable(c.parentId()), LinkedHashMap::new, Collectors.toList()));
        return Map.of("data", children(byParent, Optional.empty()));
    }

    /** The categories under a parent (in the store's order), each with its own children. */
    private static List<Node> children(
            Map<Optional<UUID>, List<CategoryStore.Category>> byParent, Optional<UUID> parent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(c ->
                        new Node(c.id(), c.parentId(), c.name(), c.position(), children(byParent, Optional.of(c.id()))))
                .toList();
    }

    @PostMapping("/api/v1/product-categories")
    @RequiresPermission(Permission.PRODUCT_MANAGE)
    @Transactional
    @Operation(summary = "Create a category, at the top or inside another")
    ResponseEntity<CategoryStore.Category> create(Caller caller, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        CategoryStore.Category c = checked(org, b, null, Ids.newId());
        store.insert(org, c);
        audit.record(AuditRecord.of(
                org,
                "product_category.created",
                "product_category",
                c.id(),
                AuditChange.created(Map.of("name", c.name()))));
        return ResponseEntity.created(URI.create("/api/v1/product-categories/" + c.id()))
                .body(c);
    }

    @PatchMapping("/api/v1/product-categories/{id}")
    @RequiresPermission(Permission.PRODUCT_MANAGE)
    @Transactional
    @Operation(summary = "Rename, reorder or move a category (toTop moves it to the top level); never inside itself")
    CategoryStore.Category update(Caller caller, @PathVariable UUID id, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        CategoryStore.Category current = store.find(org, id).orElseThrow(() -> ApiException.notFound("Category"));
        CategoryStore.Category c = checked(org, b, current, id);
        store.update(org, c);
        audit.record(AuditRecord.of(
                org,
                "product_category.updated",
                "product_category",
                id,
                Map.of("name", new AuditChange(current.name(), c.name()))));
        return c;
    }

    @DeleteMapping("/api/v1/product-categories/{id}")
    @RequiresPermission(Permission.PRODUCT_MANAGE)
    @Transactional
    @Operation(summary = "Delete an empty category (409 while products or subcategories use it)")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        store.find(org, id).orElseThrow(() -> ApiException.notFound("Category"));
        if (store.inUse(org, id)) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.CATEGORY_IN_USE, "Move its products and subcategories elsewhere first");
        }
        store.delete(org, id);
        audit.record(AuditRecord.of(org, "product_category.deleted", "product_category", id, Map.of()));
        return ResponseEntity.noContent().build();
    }

    private CategoryStore.Category checked(UUID org, Body b, CategoryStore.@Nullable Category base, UUID id) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String name = b.name() != null ? b.name().strip() : base == null ? null : base.name();
        if (name == null || name.isEmpty() || name.length() > 100) {
            errors.add(new ApiException.FieldError("name", "1 to 100 characters"));
        }
        UUID parent = Boolean.TRUE.equals(b.toTop())
                ? null
                : b.parentId() != null ? b.parentId() : base == null ? null : base.parentId();
        if (b.parentId() != null && store.find(org, b.parentId()).isEmpty()) {
            errors.add(new ApiException.FieldError("parentId", "must be a category of this organization"));
        }
        int position = b.position() != null ? b.position() : base == null ? 0 : base.position();
        ApiException.throwIfInvalid(errors);
        if (base != null && parent != null && store.isSelfOrBelow(org, id, parent)) {
            throw new CommerceRefusal(CommerceRefusal.Reason.CATEGORY_CYCLE, "A category cannot move inside itself");
        }
        if (store.nameTaken(org, parent, name, base == null ? null : id)) {
            throw ApiException.conflict("category.name_taken", "Another category here has the name " + name);
        }
        return new CategoryStore.Category(id, parent, name, position);
    }
}
