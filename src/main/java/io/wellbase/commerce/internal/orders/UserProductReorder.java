package io.wellbase.commerce.internal.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.commerce.internal.CommerceRefusal;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.security.Caller;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client buys a product again: a draft with the quantity and location of their last paid order of it. */
@RestController
@Tag(name = "Commerce")
class UserProductReorder {

    private final JdbcClient jdbc;
    private final OrderFlow flow;
    private final OrderDrafting drafting;
    private final ClientAccounts accounts;

    UserProductReorder(JdbcClient jdbc, OrderFlow flow, OrderDrafting drafting, ClientAccounts accounts) {
        this.jdbc = jdbc;
        this.flow = flow;
        this.drafting = drafting;
        this.accounts = accounts;
    }

    private record Last(java.util.UUID locationId, String currency, int quantity) {}

    @PostMapping("/api/v1/user/products/{id}/reorder")
    @Operation(summary = "Reorder a product the client bought before: a draft with the last quantity, at today's price")
    ResponseEntity<OrderStore.Order> reorder(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        UUID client = accounts.requireSelf(caller);
        Last last = jdbc.sql("""
                SELECT o.location_id, o.currency, i.quantity
                FROM orders o JOIN order_items i ON i.org_id = o.org_id AND i.order_id = o.id
                WHERE o.org_id = :org AND i.org_id = :org AND o.client_id = :client AND i.product_id = :product
                  AND o.status IN ('paid', 'fulfilled', 'refunded')
                ORDER BY coalesce(o.paid_at, o.created_at) DESC LIMIT 1
                """)
                .param("org", org)
                .param("client", client)
                .param("product", id)
                .query(Rows.of(Last.class))
                .optional()
                .orElseThrow(() ->
                        new CommerceRefusal(CommerceRefusal.Reason.NOT_FOUND, "You have not bought this product here"));
        if (drafting.sellable(org, java.util.List.of(id)).isEmpty()) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.PRODUCT_UNAVAILABLE,
                    "This product is no longer sold",
                    java.util.List.of(id.toString()));
        }
        OrderStore.Order o = flow.create(
                org,
                new OrderFlow.NewOrder(
                        client,
                        last.locationId(),
                        last.currency(),
                        Map.of(id, last.quantity()),
                        Pricing.Discount.NONE,
                        null,
                        true),
                caller.userId());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + o.id())).body(o);
    }
}
