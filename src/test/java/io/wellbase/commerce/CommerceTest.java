package io.wellbase.commerce;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Helpers for the commerce tests: products, stock, clients with portal accounts, orders. */
abstract class CommerceTest extends OrganizationTest {

    record Client(UUID id, String email, String token) {}

    Client client(Owner owner, String name) {
        String email = uniqueEmail(name.toLowerCase(java.util.Locale.ROOT));
        UUID id = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", name, "lastName", "Buyer", "email", email),
                        owner.token())
                .id();
        return new Client(id, email, portalToken(owner, id, email));
    }

    UUID product(Owner owner, String sku, long price, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("sku", sku);
        body.putIfAbsent("title", "Product " + sku);
        body.put("price", Map.of("amount", price));
        Api.Response r = api.post("/api/v1/products", body, owner.token());
        if (r.status() != 201) {
            throw new AssertionError(r.toString());
        }
        return r.id();
    }

    void receive(Owner owner, UUID product, UUID location, int quantity) {
        Api.Response r = api.post(
                "/api/v1/inventory/movements",
                Map.of("productId", product, "locationId", location, "kind", "receive", "quantity", quantity),
                owner.token());
        if (r.status() != 201) {
            throw new AssertionError(r.toString());
        }
    }

    Api.Response order(String token, UUID location, UUID client, Map<UUID, Integer> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("locationId", location);
        if (client != null) {
            body.put("clientId", client);
        }
        body.put(
                "items",
                items.entrySet().stream()
                        .map(e -> Map.of("productId", e.getKey(), "quantity", e.getValue()))
                        .toList());
        return api.post("/api/v1/orders", body, token);
    }

    int onHand(UUID org, UUID product, UUID location) {
        return jdbc.sql(
                        "SELECT coalesce(sum(quantity), 0) FROM stock_movements WHERE org_id = :o AND product_id = :p AND location_id = :l")
                .param("o", org)
                .param("p", product)
                .param("l", location)
                .query(Integer.class)
                .single();
    }

    Map<String, Integer> level(UUID org, UUID product, UUID location) {
        return jdbc.sql(
                        "SELECT on_hand, reserved FROM stock_levels WHERE org_id = :o AND product_id = :p AND location_id = :l")
                .param("o", org)
                .param("p", product)
                .param("l", location)
                .query((rs, n) -> Map.of("onHand", rs.getInt(1), "reserved", rs.getInt(2)))
                .optional()
                .orElse(Map.of("onHand", 0, "reserved", 0));
    }

    UUID location(Owner owner) {
        return createLocation(
                owner.token(), "Shop " + UUID.randomUUID().toString().substring(0, 6), List.of());
    }
}
