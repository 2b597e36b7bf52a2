package io.wellbase.commerce.internal.routines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.commerce.internal.catalog.ProductStore;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A client's own favorite products and their recommendations. */
@RestController
@Tag(name = "Commerce")
class FavoritesController {

    private final JdbcClient jdbc;
    private final ProductStore products;
    private final ClientAccounts accounts;
    private final Recommendations recommendations;

    FavoritesController(
            JdbcClient jdbc, ProductStore products, ClientAccounts accounts, Recommendations recommendations) {
        this.jdbc = jdbc;
        this.products = products;
        this.accounts = accounts;
        this.recommendations = recommendations;
    }

    record Body(
            @Nullable UUID productId,
            @Nullable Boolean inRoutine,
            @Nullable String notes,
            @Nullable OffsetDateTime lastUsedAt) {}

    record Favorite(
            UUID productId,
            String sku,
            String title,
            boolean active,
            boolean inRoutine,
            @Nullable String notes,
            @Nullable OffsetDateTime lastUsedAt,
            OffsetDateTime createdAt) {}

    @GetMapping("/api/v1/user/products/favorites")
    @Transactional(readOnly = true)
    @Operation(summary = "The signed-in client's favorite products (also those no longer sold, marked inactive)")
    Map<String, List<Favorite>> list(Caller caller) {
        UUID org = caller.requireOrganization();
        return Map.of("data", favorites(org, accounts.requireSelf(caller), null));
    }

    @PostMapping("/api/v1/user/products/favorites")
    @Transactional
    @Operation(summary = "Add a product to the client's favorites (adding it again changes its fields)")
    ResponseEntity<Favorite> add(Caller caller, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        UUID client = accounts.requireSelf(caller);
        if (b.productId() == null
                || products.find(org, b.productId())
                        .filter(ProductStore.Product::active)
                        .isEmpty()) {
            throw ApiException.invalidField("productId", "must be a product sold here");
        }
        check(b);
        jdbc.sql("""
                INSERT INTO product_favorites (org_id, client_id, product_id, in_routine, notes, last_used_at)
                VALUES (:org, :client, :product, :routine, :notes, :used)
                ON CONFLICT (org_id, client_id, product_id) DO UPDATE SET in_routine = EXCLUDED.in_routine,
                    notes = EXCLUDED.notes, last_used_at = EXCLUDED.last_used_at
                """)
                .param("org", org)
                .param("client", client)
                .param("product", b.productId())
                .param("routine", Boolean.TRUE.equals(b.inRoutine()))
                .param("notes", b.notes())
                .param("used", b.lastUsedAt())
                .update();
        return ResponseEntity.created(URI.create("/api/v1/user/products/favorites/" + b.productId()))
                .body(favorites(org, client, b.productId()).getFirst());
    }

    @PatchMapping("/api/v1/user/products/favorites/{productId}")
    @Transactional
    @Operation(summary = "Change a favorite: inRoutine, notes, lastUsedAt")
    Favorite update(Caller caller, @PathVariable UUID productId, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        UUID client = accounts.requireSelf(caller);
        check(b);
        int changed = jdbc.sql("""
                UPDATE product_favorites SET in_routine = coalesce(:routine, in_routine), notes = coalesce(:notes, notes),
                    last_used_at = coalesce(:used, last_used_at)
                WHERE org_id = :org AND client_id = :client AND product_id = :product
                """)
                .param("org", org)
                .param("client", client)
                .param("product", productId)
                .param("routine", b.inRoutine())
                .param("notes", b.notes())
                .param("used", b.lastUsedAt())
                .update();
        if (changed == 0) {
            throw ApiException.notFound("Favorite");
        }
        return favorites(org, client, productId).getFirst();
    }

    @DeleteMapping("/api/v1/user/products/favorites/{productId}")
    @Transactional
    @Operation(summary = "Remove a product from the client's favorites")
    ResponseEntity<Void> remove(Caller caller, @PathVariable UUID productId) {
        UUID org = caller.requireOrganization();
        int removed = jdbc.sql(
                        "DELETE FROM product_favorites WHERE org_id = :org AND client_id = :client AND product_id = :product")
                .param("org", org)
                .param("client", accounts.requireSelf(caller))
                .param("product", productId)
                .update();
        if (removed == 0) {
            throw ApiException.notFound("Favorite");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/user/products/recommended")
    @Operation(
            summary = "Products suggested to the signed-in client, each with a reason (replenish, bought_together,"
                    + " treatment, profile) and a confidence; kept a few minutes, dropped by a new order")
    Map<String, List<Recommendation>> recommended(Caller caller) {
        UUID org = caller.requireOrganization();
        return Map.of("data", recommendations.of(org, accounts.requireSelf(caller)));
    }

    private static void check(Body b) {
        if (b.notes() != null && b.notes().length() > 2000) {
            throw ApiException.invalidField("notes", "at most 2,000 characters");
        }
    }

    private List<Favorite> favorites(UUID org, UUID client, @Nullable UUID product) {
        return jdbc.sql("""
                SELECT f.product_id, p.sku, p.title, p.active AND p.deleted_at IS NULL AS active, f.in_routine, f.notes,
                       f.last_used_at, f.created_at
                FROM product_favorites f JOIN products p ON p.org_id = f.org_id AND p.id = f.product_id
                WHERE f.org_id = :org AND p.org_id = :org AND f.client_id = :client
                  AND (CAST(:product AS uuid) IS NULL OR f.product_id = :product)
                ORDER BY f.created_at DESC, f.product_id
                """)
                .param("org", org)
                .param("client", client)
                .param("product", product)
                .query(Rows.of(Favorite.class))
                .list();
    }
}
