package io.wellbase.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stock through HTTP: movements and transfers keep every balance equal to the sum of its movements and never let it
 * go below what is reserved; a fall to the low-stock threshold tells the stock managers once; reorder suggestions
 * add up sales and booked appointments of services that consume the product, and become a draft purchase order that
 * is received into stock only when staff say so.
 */
class InventoryIntegrationTests extends CommerceTest {

    @Test
    void movementsTransfersAndLowStock() throws Exception {
        Owner owner = ownerWithOrganization("Stock Shop");
        Member instructor = memberWithRole(owner, "staff");
        Member desk = memberWithRole(owner, "front_desk");
        UUID a = location(owner);
        UUID b = location(owner);
        UUID oil = product(owner, "OIL", 2000, Map.of("title", "Massage oil"));
        receive(owner, oil, a, 10);
        Api.Response noReason = api.post(
                "/api/v1/inventory/movements",
                Map.of("productId", oil, "locationId", a, "kind", "adjust", "quantity", -2),
                owner.token());
        assertThat(invalidFields(noReason)).containsExactly("reason");
        assertThat(invalidFields(api.post(
                        "/api/v1/inventory/movements",
                        Map.of("productId", oil, "locationId", a, "kind", "sell", "quantity", 1),
                        owner.token())))
                .containsExactly("kind");
        assertThat(api.post(
                                "/api/v1/inventory/movements",
                                Map.of(
                                        "productId",
                                        oil,
                                        "locationId",
                                        a,
                                        "kind",
                                        "adjust",
                                        "quantity",
                                        -2,
                                        "reason",
                                        "spilled"),
                                desk.token())
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/inventory/movements",
                                Map.of(
                                        "productId",
                                        oil,
                                        "locationId",
                                        a,
                                        "kind",
                                        "adjust",
                                        "quantity",
                                        -20,
                                        "reason",
                                        "count"),
                                owner.token())
                        .field("code"))
                .isEqualTo("inventory.insufficient_stock");
        Api.Response moved = api.post(
                "/api/v1/inventory/transfers",
                Map.of("productId", oil, "fromLocationId", a, "toLocationId", b, "quantity", 3),
                owner.token());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        assertThat(level(owner.orgId(), oil, a)).isEqualTo(Map.of("onHand", 5, "reserved", 0));
        assertThat(level(owner.orgId(), oil, b)).isEqualTo(Map.of("onHand", 3, "reserved", 0));
        assertThat(onHand(owner.orgId(), oil, a)).isEqualTo(5);
        assertThat(onHand(owner.orgId(), oil, b)).isEqualTo(3);
        assertThat(api.get("/api/v1/inventory/movements?productId=" + oil, owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(4);
        assertThat(api.get("/api/v1/inventory", instructor.token()).status()).isEqualTo(403);

        api.put(
                "/api/v1/inventory/thresholds",
                Map.of("productId", oil, "locationId", a, "lowThreshold", 4),
                owner.token());
        Client cy = client(owner, "Cy");
        order(cy.token(), a, null, Map.of(oil, 1));
        // reserved units may not leave by an adjustment either
        assertThat(api.post(
                                "/api/v1/inventory/movements",
                                Map.of(
                                        "productId",
                                        oil,
                                        "locationId",
                                        a,
                                        "kind",
                                        "adjust",
                                        "quantity",
                                        -5,
                                        "reason",
                                        "count"),
                                owner.token())
                        .field("code"))
                .isEqualTo("inventory.insufficient_stock");
        order(cy.token(), a, null, Map.of(oil, 1));
        String lowRows = "SELECT count(*) FROM notifications WHERE org_id = :o AND type = 'inventory.low_stock'";
        // the owner and the front desk manage stock; the instructor does not: one alert each for the one fall
        assertThat(eventuallyCount(
                        () -> jdbc.sql(lowRows)
                                .param("o", owner.orgId())
                                .query(Long.class)
                                .single(),
                        2))
                .isEqualTo(2);
        Thread.sleep(500);
        assertThat(jdbc.sql(lowRows).param("o", owner.orgId()).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "SELECT title FROM notifications WHERE org_id = :o AND type = 'inventory.low_stock' LIMIT 1")
                        .param("o", owner.orgId())
                        .query(String.class)
                        .single())
                .contains("Massage oil");
        Api.Response low = api.get("/api/v1/inventory?lowStock=true", owner.token());
        assertThat(low.json().path("data").size()).isEqualTo(1);
        assertThat(low.json().path("data").get(0).path("available").asInt()).isEqualTo(3);
        // back above the threshold, then down again: a new fall, told again
        receive(owner, oil, a, 5);
        order(cy.token(), a, null, Map.of(oil, 5));
        assertThat(eventuallyCount(
                        () -> jdbc.sql(lowRows)
                                .param("o", owner.orgId())
                                .query(Long.class)
                                .single(),
                        4))
                .isEqualTo(4);

        Owner other = ownerWithOrganization("Other Stock");
        assertThat(api.post(
                                "/api/v1/inventory/movements",
                                Map.of("productId", oil, "locationId", a, "kind", "receive", "quantity", 1),
                                other.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/inventory?productId=" + oil, other.token())
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void reorderSuggestionsCountSalesAndBookedAppointments() {
        Owner owner = ownerWithOrganization("Clinic Stock");
        UUID clinic = location(owner);
        UUID serum = product(owner, "SRM", 3000, Map.of("title", "Serum"));
        UUID idle = product(owner, "IDL", 100, Map.of("title", "Idle"));
        receive(owner, serum, clinic, 10);
        receive(owner, idle, clinic, 50);
        Client di = client(owner, "Di");
        UUID sold = order(owner.token(), clinic, di.id(), Map.of(serum, 9)).id();
        api.post("/api/v1/payments", Map.of("orderId", sold, "method", "cash"), owner.token());
        api.post("/api/v1/orders/" + sold + "/fulfil", Map.of(), owner.token());

        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin"))
                .plusDays(3)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        api.put(
                "/api/v1/staff/" + owner.userId() + "/working-hours",
                Map.of(
                        "hours",
                        List.of(Map.of("locationId", clinic, "weekday", 2, "startTime", "09:00", "endTime", "12:00"))),
                owner.token());
        UUID facial = api.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "Facial",
                                "durationMinutes",
                                60,
                                "priceAmount",
                                8000,
                                "currency",
                                "EUR",
                                "staffIds",
                                List.of(owner.userId())),
                        owner.token())
                .id();
        Api.Response uses = api.put(
                "/api/v1/services/" + facial + "/products",
                Map.of("products", List.of(Map.of("productId", serum, "quantity", 0.5))),
                owner.token());
        assertThat(uses.status()).as(uses.toString()).isEqualTo(200);
        for (String time : List.of("09:00", "10:00")) {
            Api.Response booked = api.post(
                    "/api/v1/appointments",
                    Map.of(
                            "serviceId",
                            facial,
                            "clientId",
                            di.id(),
                            "start",
                            day.atTime(java.time.LocalTime.parse(time))
                                    .atZone(ZoneId.of("Europe/Berlin"))
                                    .toOffsetDateTime()
                                    .toString()),
                    owner.token());
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        }
        // sold 9 in 90 days: 0.1 a day, 3 for 30 days; 2 facials ahead use 1; 1 available: 3 + 1 - 1 = 3
        Api.Response suggested = api.get("/api/v1/inventory/reorder-suggestions?locationId=" + clinic, owner.token());
        assertThat(suggested.json().path("data").size())
                .as(suggested.toString())
                .isEqualTo(1);
        var s = suggested.json().path("data").get(0);
        assertThat(s.path("productId").asString()).isEqualTo(serum.toString());
        assertThat(s.path("quantity").asInt()).isEqualTo(3);
        assertThat(s.path("upcomingUse").asDouble()).isEqualTo(1.0);
        assertThat(s.path("available").asInt()).isEqualTo(1);

        Api.Response draft = api.post("/api/v1/purchase-orders/drafts", Map.of("locationId", clinic), owner.token());
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.field("status")).isEqualTo("draft");
        // what is on order counts: nothing more is suggested
        assertThat(api.get("/api/v1/inventory/reorder-suggestions?locationId=" + clinic, owner.token())
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(api.post("/api/v1/purchase-orders/" + draft.id() + "/receive", Map.of(), owner.token())
                        .field("code"))
                .isEqualTo("order.wrong_status");
        api.patch(
                "/api/v1/purchase-orders/" + draft.id(),
                Map.of("lines", List.of(Map.of("productId", serum, "quantity", 5))),
                owner.token());
        assertThat(api.post("/api/v1/purchase-orders/" + draft.id() + "/order", Map.of(), owner.token())
                        .field("status"))
                .isEqualTo("ordered");
        assertThat(level(owner.orgId(), serum, clinic).get("onHand")).isEqualTo(1);
        assertThat(api.post("/api/v1/purchase-orders/" + draft.id() + "/receive", Map.of(), owner.token())
                        .field("status"))
                .isEqualTo("received");
        assertThat(level(owner.orgId(), serum, clinic).get("onHand")).isEqualTo(6);
        var listed = api.get("/api/v1/purchase-orders?locationId=" + clinic, owner.token())
                .json()
                .path("data");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("status").asString()).isEqualTo("received");
        assertThat(listed.get(0).path("lines").get(0).path("quantity").asInt()).isEqualTo(5);
        assertThat(onHand(owner.orgId(), serum, clinic)).isEqualTo(6);
        assertThat(api.post("/api/v1/purchase-orders/drafts", Map.of("locationId", clinic), owner.token())
                        .field("code"))
                .isEqualTo("purchase_order.nothing_to_reorder");
    }
}
