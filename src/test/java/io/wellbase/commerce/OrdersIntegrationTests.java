package io.wellbase.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orders through HTTP: placing reserves stock and never oversells, also with racing orders for the last units;
 * paying, handing over, cancelling, expiring and refunding move money and stock as they should; a client orders
 * only for themself and sees only their own; bad quantities and vanished products are refused clearly.
 */
class OrdersIntegrationTests extends CommerceTest {

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOrderReservesPaysHandsOverAndRefunds() {
        Owner owner = ownerWithOrganization("Order Shop");
        UUID shop = location(owner);
        UUID serum = product(owner, "S-1", 3990, Map.of("taxRate", 19));
        UUID mat = product(owner, "M-1", 4900, Map.of("taxRate", 19));
        UUID voucher = product(owner, "V-1", 2500, Map.of("trackStock", false));
        receive(owner, serum, shop, 5);
        receive(owner, mat, shop, 2);
        Client ada = client(owner, "Ada");

        Map<UUID, Integer> items = new LinkedHashMap<>();
        items.put(serum, 2);
        items.put(mat, 1);
        items.put(voucher, 1);
        Api.Response placed = order(owner.token(), shop, ada.id(), items);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.field("status")).isEqualTo("pending_payment");
        // 2 x 39.90 + 49.00 = 128.80 at 19 % -> 24.47 (15.16 + 9.31), voucher 25.00 untaxed
        assertThat(placed.json().path("subtotal").asLong()).isEqualTo(15380);
        assertThat(placed.json().path("tax").asLong()).isEqualTo(1516 + 931);
        assertThat(placed.json().path("total").asLong()).isEqualTo(15380 + 2447);
        assertThat(level(owner.orgId(), serum, shop)).isEqualTo(Map.of("onHand", 5, "reserved", 2));
        UUID id = placed.id();

        Api.Response tooMany = order(owner.token(), shop, ada.id(), Map.of(mat, 2));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.field("code")).isEqualTo("order.out_of_stock");
        assertThat(tooMany.json().path("items").get(0).asString()).isEqualTo(mat.toString());
        assertThat(level(owner.orgId(), mat, shop)).isEqualTo(Map.of("onHand", 2, "reserved", 1));

        assertThat(api.post("/api/v1/orders/" + id + "/fulfil", Map.of(), owner.token())
                        .field("code"))
                .isEqualTo("order.wrong_status");
        assertThat(invalidFields(
                        api.post("/api/v1/payments", Map.of("orderId", id, "method", "bitcoin"), owner.token())))
                .containsExactly("method");
        Api.Response paid =
                api.post("/api/v1/payments", Map.of("orderId", id, "method", "card_terminal"), owner.token());
        assertThat(paid.field("status")).isEqualTo("succeeded");
        assertThat(api.get("/api/v1/orders/" + id, owner.token()).field("order.status"))
                .isEqualTo("paid");
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%OrderPaid'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(api.post("/api/v1/orders/" + id + "/cancel", Map.of(), owner.token())
                        .field("code"))
                .isEqualTo("order.wrong_status");
        assertThat(api.post("/api/v1/orders/" + id + "/fulfil", Map.of(), owner.token())
                        .field("status"))
                .isEqualTo("fulfilled");
        assertThat(level(owner.orgId(), serum, shop)).isEqualTo(Map.of("onHand", 3, "reserved", 0));
        assertThat(onHand(owner.orgId(), serum, shop)).isEqualTo(3);
        assertThat(level(owner.orgId(), voucher, shop)).isEqualTo(Map.of("onHand", 0, "reserved", 0));

        // refund one serum by item, put back on the shelf
        UUID serumItem = UUID.fromString(api.get("/api/v1/orders/" + id, owner.token())
                .json()
                .path("order")
                .path("items")
                .get(0)
                .path("id")
                .asString());
        Member desk = memberWithRole(owner, "front_desk");
        Map<String, Object> oneSerum = Map.of(
                "items", List.of(Map.of("itemId", serumItem, "quantity", 1)), "reason", "damaged", "restock", true);
        assertThat(api.post("/api/v1/orders/" + id + "/refunds", oneSerum, desk.token())
                        .status())
                .isEqualTo(403);
        Api.Response refunded = api.post("/api/v1/orders/" + id + "/refunds", oneSerum, owner.token());
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        // the serum line: 79.80 + 15.16 tax = 94.96, one of two units -> 47.48
        assertThat(refunded.json().path("amount").asLong()).isEqualTo(4748);
        assertThat(onHand(owner.orgId(), serum, shop)).isEqualTo(4);
        long left = placed.json().path("total").asLong() - 4748;
        Api.Response tooMuch =
                api.post("/api/v1/orders/" + id + "/refunds", Map.of("amount", left + 1, "reason", "x"), owner.token());
        assertThat(tooMuch.field("code")).isEqualTo("order.refund_exceeds_payment");
        Api.Response rest = api.post(
                "/api/v1/orders/" + id + "/refunds", Map.of("amount", left, "reason", "goodwill"), owner.token());
        assertThat(rest.status()).isEqualTo(201);
        Api.Response after = api.get("/api/v1/orders/" + id, owner.token());
        assertThat(after.json().path("order").path("status").asString()).isEqualTo("refunded");
        assertThat(after.json().path("order").path("refunded").asLong())
                .isEqualTo(placed.json().path("total").asLong());
        assertThat(after.json().path("refunds").size()).isEqualTo(2);
    }

    @Test
    void racingOrdersForTheLastUnitsNeverOversell() throws Exception {
        Owner owner = ownerWithOrganization("Race Shop");
        UUID shop = location(owner);
        UUID last = product(owner, "LAST", 1000, Map.of());
        receive(owner, last, shop, 3);
        List<Client> buyers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            buyers.add(client(owner, "Racer" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Client c = buyers.get(i % buyers.size());
            results.add(pool.submit((Callable<Integer>)
                    () -> order(c.token(), shop, null, Map.of(last, 1)).status()));
        }
        int placed = 0;
        int refused = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            if (status == 201) {
                placed++;
            } else if (status == 409) {
                refused++;
            }
        }
        pool.shutdown();
        assertThat(placed).isEqualTo(3);
        assertThat(refused).isEqualTo(21);
        assertThat(level(owner.orgId(), last, shop)).isEqualTo(Map.of("onHand", 3, "reserved", 3));
    }

    @Test
    void concurrentRefundsNeverGiveBackMoreThanWasPaid() throws Exception {
        Owner owner = ownerWithOrganization("Refund Race");
        UUID shop = location(owner);
        UUID p = product(owner, "R-1", 1000, Map.of("trackStock", false));
        Client bo = client(owner, "Bo");
        UUID id = order(owner.token(), shop, bo.id(), Map.of(p, 3)).id();
        api.post("/api/v1/payments", Map.of("orderId", id, "method", "cash"), owner.token());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit((Callable<Integer>) () -> api.post(
                            "/api/v1/orders/" + id + "/refunds",
                            Map.of("amount", 1000, "reason", "race"),
                            owner.token())
                    .status()));
        }
        long ok = 0;
        for (Future<Integer> f : results) {
            ok += f.get() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(3);
        assertThat(jdbc.sql("SELECT refunded FROM orders WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3000);
        assertThat(jdbc.sql("SELECT sum(amount) FROM order_refunds WHERE order_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3000);
    }

    @Test
    void cancellingAndExpiryLetTheStockGo() {
        Owner owner = ownerWithOrganization("Expiry Shop");
        UUID shop = location(owner);
        UUID p = product(owner, "E-1", 500, Map.of());
        receive(owner, p, shop, 2);
        Client cy = client(owner, "Cy");
        UUID cancelled = order(cy.token(), shop, null, Map.of(p, 1)).id();
        UUID waiting = order(cy.token(), shop, null, Map.of(p, 1)).id();
        assertThat(level(owner.orgId(), p, shop).get("reserved")).isEqualTo(2);
        assertThat(api.post("/api/v1/orders/" + cancelled + "/cancel", Map.of("reason", "changed my mind"), cy.token())
                        .field("status"))
                .isEqualTo("cancelled");
        assertThat(level(owner.orgId(), p, shop).get("reserved")).isEqualTo(1);

        clock.fixAt(Instant.now().plus(Duration.ofMinutes(31)));
        io.wellbase.commerce.internal.orders.ReservationExpiryAccess.expireDue(context());
        Api.Response expired = api.get("/api/v1/orders/" + waiting, cy.token());
        assertThat(expired.json().path("order").path("status").asString()).isEqualTo("cancelled");
        assertThat(expired.json().path("order").path("cancelReason").asString()).isEqualTo("expired");
        assertThat(level(owner.orgId(), p, shop)).isEqualTo(Map.of("onHand", 2, "reserved", 0));
        assertThat(api.post("/api/v1/payments", Map.of("orderId", waiting, "method", "cash"), owner.token())
                        .field("code"))
                .isEqualTo("billing.order_not_payable");
    }

    @Test
    void clientsOrderOnlyForThemselvesAndBadItemsAreRefused() {
        Owner owner = ownerWithOrganization("Client Shop");
        UUID shop = location(owner);
        UUID p = product(owner, "C-1", 1200, Map.of());
        UUID gone = product(owner, "C-2", 800, Map.of());
        receive(owner, p, shop, 10);
        receive(owner, gone, shop, 10);
        Client di = client(owner, "Di");
        Client ed = client(owner, "Ed");

        Api.Response forEd = order(di.token(), shop, ed.id(), Map.of(p, 1));
        assertThat(forEd.status()).isEqualTo(403);
        assertThat(forEd.field("code")).isEqualTo("order.for_another_client");
        Api.Response fractional = api.post(
                "/api/v1/orders",
                Map.of(
                        "locationId",
                        shop,
                        "items",
                        List.of(Map.of("productId", p, "quantity", 1.5), Map.of("productId", p, "quantity", -1))),
                di.token());
        assertThat(invalidFields(fractional)).containsExactly("items[0].quantity", "items[1].quantity");
        assertThat(invalidFields(api.post(
                        "/api/v1/orders",
                        Map.of(
                                "locationId",
                                shop,
                                "items",
                                List.of(Map.of("productId", p, "quantity", 1)),
                                "discount",
                                Map.of("percent", 50)),
                        di.token())))
                .containsExactly("discount");
        Owner other = ownerWithOrganization("Elsewhere");
        UUID foreign = product(other, "F-1", 100, Map.of());
        Api.Response foreignItem = order(di.token(), shop, null, Map.of(foreign, 1));
        assertThat(foreignItem.field("code")).isEqualTo("order.product_unavailable");

        Api.Response draft = api.post(
                "/api/v1/orders",
                Map.of(
                        "locationId",
                        shop,
                        "draft",
                        true,
                        "items",
                        List.of(Map.of("productId", p, "quantity", 2), Map.of("productId", gone, "quantity", 1))),
                di.token());
        assertThat(draft.field("status")).isEqualTo("draft");
        assertThat(level(owner.orgId(), p, shop).get("reserved")).isZero();
        api.delete("/api/v1/products/" + gone, owner.token());
        Api.Response place = api.post("/api/v1/orders/" + draft.id() + "/place", Map.of(), di.token());
        assertThat(place.status()).isEqualTo(409);
        assertThat(place.field("code")).isEqualTo("order.product_unavailable");
        assertThat(place.json().path("items").get(0).asString()).isEqualTo(gone.toString());
        Api.Response without = api.patch(
                "/api/v1/orders/" + draft.id(),
                Map.of("items", List.of(Map.of("productId", p, "quantity", 2))),
                di.token());
        assertThat(without.json().path("total").asLong()).isEqualTo(2400);
        assertThat(api.post("/api/v1/orders/" + draft.id() + "/place", Map.of(), di.token())
                        .field("status"))
                .isEqualTo("pending_payment");

        // Ed sees nothing of Di's; staff see both
        assertThat(api.get("/api/v1/orders/" + draft.id(), ed.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + draft.id() + "/cancel", Map.of(), ed.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/orders", ed.token()).json().path("data").size())
                .isZero();
        assertThat(api.get("/api/v1/orders", di.token()).json().path("data").size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/orders?clientId=" + di.id(), owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        assertThat(api.post("/api/v1/payments", Map.of("orderId", draft.id(), "method", "cash"), di.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/orders/" + draft.id(), other.token()).status())
                .isEqualTo(404);

        // a reorder is a new draft at today's prices; products no longer sold are listed apart
        api.post("/api/v1/payments", Map.of("orderId", draft.id(), "method", "cash"), owner.token());
        api.patch("/api/v1/products/" + p, Map.of("price", Map.of("amount", 1300)), owner.token());
        Api.Response again = api.post("/api/v1/orders/" + draft.id() + "/reorder", Map.of(), di.token());
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("order").path("status").asString()).isEqualTo("draft");
        assertThat(again.json().path("order").path("total").asLong()).isEqualTo(2600);
        Api.Response oneProduct = api.post("/api/v1/user/products/" + p + "/reorder", Map.of(), di.token());
        assertThat(oneProduct.status()).as(oneProduct.toString()).isEqualTo(201);
        assertThat(oneProduct.json().path("items").get(0).path("quantity").asInt())
                .isEqualTo(2);
        assertThat(api.post("/api/v1/user/products/" + p + "/reorder", Map.of(), ed.token())
                        .status())
                .isEqualTo(404);
    }

    private org.springframework.context.ApplicationContext context() {
        return applicationContext;
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext applicationContext;
}
