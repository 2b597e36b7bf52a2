package io.wellbase.memberships;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipsIntegrationTests extends IntegrationTest {

    private UUID client(Owner owner) {
        return api.post("/api/v1/clients", Map.of("firstName", "Mia", "lastName", "Member"), owner.token())
                .id();
    }

    private UUID plan(Owner owner, String kind, Integer credits, String unit, int count, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                kind + " plan",
                "kind",
                kind,
                "price",
                Map.of("amount", 12000, "currency", "EUR"),
                "periodUnit",
                unit,
                "periodCount",
                count));
        if (credits != null) {
            body.put("credits", credits);
        }
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        Api.Response r = api.post("/api/v1/membership-plans", body, owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private Api.Response sell(Owner owner, UUID client, UUID plan, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("planId", plan, "paymentMethod", "cash"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return api.post("/api/v1/clients/" + client + "/memberships", body, owner.token());
    }

    @Test
    void aSaleStartsOnTheOrganizationsDateNotTheServers() {
        Owner owner = ownerWithOrganization("Midnight in Berlin");
        UUID client = client(owner);
        UUID pack = plan(owner, "class_pack", 10, "month", 3);
        clock.fixAt(java.time.Instant.parse("2026-03-01T23:30:00Z")); // 00:30 on 2 March in Berlin
        Api.Response sold = sell(owner, client, pack);
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        assertThat(sold.field("startsOn")).isEqualTo("2026-03-02");
        assertThat(sold.field("status")).isEqualTo("active");
    }

    @Test
    void sellingAPackGrantsCreditsAndRecordsTheSale() {
        Owner owner = ownerWithOrganization("Packs");
        UUID client = client(owner);
        UUID pack = plan(owner, "class_pack", 10, "month", 3);
        Api.Response sold = sell(owner, client, pack, "discount", 2000, "tax", 1900);
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        assertThat(sold.field("creditsRemaining")).isEqualTo("10");
        assertThat(sold.field("status")).isEqualTo("active");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")); // the organization's day
        assertThat(sold.field("endsOn"))
                .isEqualTo(today.plusMonths(3).minusDays(1).toString());

        Api.Response sales = api.get("/api/v1/sales?clientId=" + client, owner.token());
        var sale = sales.json().path("data").get(0);
        assertThat(sale.path("total").asLong()).isEqualTo(12000 - 2000 + 1900);
        assertThat(sale.path("items").get(0).path("membershipId").asString()).isEqualTo(sold.field("id"));

        Api.Response refund = api.post(
                "/api/v1/sales/" + sale.path("id").asString() + "/refunds",
                Map.of("amount", 5000, "reason", "moved away"),
                owner.token());
        assertThat(refund.field("refunded")).isEqualTo("5000");
        Api.Response tooMuch = api.post(
                "/api/v1/sales/" + sale.path("id").asString() + "/refunds", Map.of("amount", 99999), owner.token());
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.field("code")).isEqualTo("sale.refund_exceeds_total");
    }

    @Test
    void introOfferOncePerClientAndArchivedPlansAreNotSold() {
        Owner owner = ownerWithOrganization("Intro");
        UUID client = client(owner);
        UUID intro = plan(owner, "intro_offer", 3, "week", 2);
        assertThat(sell(owner, client, intro).status()).isEqualTo(201);
        Api.Response again = sell(owner, client, intro);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.field("code")).isEqualTo("membership.intro_offer_used");
        assertThat(api.delete("/api/v1/membership-plans/" + intro, owner.token())
                        .status())
                .isEqualTo(204);
        assertThat(sell(owner, client(owner), intro).field("code")).isEqualTo("membership.plan_archived");
    }

    @Test
    void invalidPlansAreRejected() {
        Owner owner = ownerWithOrganization("Bad plans");
        var base = Map.of(
                "name",
                "X",
                "price",
                Map.of("amount", 100, "currency", "EUR"),
                "periodUnit",
                "month",
                "periodCount",
                1);
        var pack = new HashMap<String, Object>(base);
        pack.put("kind", "class_pack");
        assertThat(api.post("/api/v1/membership-plans", pack, owner.token()).field("code"))
                .isEqualTo("validation_failed");
        var weird = new HashMap<String, Object>(base);
        weird.put("kind", "lifetime");
        assertThat(api.post("/api/v1/membership-plans", weird, owner.token()).status())
                .isEqualTo(400);
        var renewingPack = new HashMap<String, Object>(base);
        renewingPack.putAll(Map.of("kind", "unlimited", "autoRenew", true));
        assertThat(api.post("/api/v1/membership-plans", renewingPack, owner.token())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void freezeAcrossAMonthEndMovesTheEnd() {
        Owner owner = ownerWithOrganization("Freeze");
        UUID client = client(owner);
        UUID unlimited = plan(owner, "unlimited", null, "month", 1);
        LocalDate start = LocalDate.of(2027, 1, 15);
        Api.Response sold = sell(owner, client, unlimited, "startsOn", start.toString());
        assertThat(sold.field("status")).isEqualTo("pending");
        assertThat(sold.field("endsOn")).isEqualTo("2027-02-14");
        Api.Response frozen = api.post(
                "/api/v1/memberships/" + sold.id() + "/freezes",
                Map.of("startsOn", "2027-01-30", "endsOn", "2027-02-02"),
                owner.token());
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
        assertThat(frozen.field("endsOn")).as("4 frozen days").isEqualTo("2027-02-18");
        Api.Response overlapping = api.post(
                "/api/v1/memberships/" + sold.id() + "/freezes",
                Map.of("startsOn", "2027-02-01", "endsOn", "2027-02-05"),
                owner.token());
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.field("code")).isEqualTo("membership.freeze_overlaps");
        Api.Response adjusted = api.post(
                "/api/v1/memberships/" + sold.id() + "/adjustments",
                Map.of("delta", 1, "reason", "goodwill"),
                owner.token());
        assertThat(adjusted.status())
                .as("an unlimited plan has no credits to adjust")
                .isEqualTo(422);
        assertThat(adjusted.field("code")).isEqualTo("membership.no_credit_plan");
        Api.Response backwards = api.post(
                "/api/v1/memberships/" + sold.id() + "/freezes",
                Map.of("startsOn", "2027-02-10", "endsOn", "2027-02-05"),
                owner.token());
        assertThat(backwards.status()).isEqualTo(400);
    }

    @Test
    void cancelNowExpiresCreditsAndAdjustmentsNeverGoBelowZero() {
        Owner owner = ownerWithOrganization("Cancel");
        UUID client = client(owner);
        UUID pack = plan(owner, "class_pack", 5, "month", 2);
        UUID id = sell(owner, client, pack).id();
        Api.Response minus = api.post(
                "/api/v1/memberships/" + id + "/adjustments", Map.of("delta", -7, "reason", "typo"), owner.token());
        assertThat(minus.status()).isEqualTo(422);
        assertThat(minus.field("code")).isEqualTo("credits.insufficient");
        assertThat(api.post(
                                "/api/v1/memberships/" + id + "/adjustments",
                                Map.of("delta", 2, "reason", "goodwill"),
                                owner.token())
                        .field("balance"))
                .isEqualTo("7");

        Api.Response atEnd =
                api.post("/api/v1/memberships/" + id + "/cancel", Map.of("atPeriodEnd", true), owner.token());
        assertThat(atEnd.field("cancelAtPeriodEnd")).isEqualTo("true");
        assertThat(atEnd.field("status")).isEqualTo("active");
        Api.Response now =
                api.post("/api/v1/memberships/" + id + "/cancel", Map.of("atPeriodEnd", false), owner.token());
        assertThat(now.field("status")).isEqualTo("cancelled");
        assertThat(now.field("creditsRemaining")).isEqualTo("0");
        Api.Response ledger = api.get("/api/v1/memberships/" + id + "/ledger", owner.token());
        assertThat(ledger.json().path("data").findValuesAsString("reason"))
                .containsExactly("grant", "adjustment", "expiry");
        assertThat(ledger.field("balance")).isEqualTo("0");

        Api.Response cancelledAgain =
                api.post("/api/v1/memberships/" + id + "/cancel", Map.of("atPeriodEnd", false), owner.token());
        assertThat(cancelledAgain.status()).isEqualTo(422);
        assertThat(cancelledAgain.field("code")).isEqualTo("membership.already_ended");
        Api.Response renewed =
                api.post("/api/v1/memberships/" + id + "/renew", Map.of("paymentMethod", "cash"), owner.token());
        assertThat(renewed.status()).isEqualTo(422);
        assertThat(renewed.field("code")).isEqualTo("membership.already_ended");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")); // the organization's day
        Api.Response frozen = api.post(
                "/api/v1/memberships/" + id + "/freezes",
                Map.of(
                        "startsOn",
                        today.plusDays(1).toString(),
                        "endsOn",
                        today.plusDays(3).toString()),
                owner.token());
        assertThat(frozen.status()).isEqualTo(422);
        assertThat(frozen.field("code")).isEqualTo("membership.not_active");
    }

    @Test
    void renewExtendsByAPeriod() {
        Owner owner = ownerWithOrganization("Renew");
        UUID client = client(owner);
        UUID pack = plan(owner, "class_pack", 4, "week", 4);
        Api.Response sold = sell(owner, client, pack);
        Api.Response renewed = api.post(
                "/api/v1/memberships/" + sold.id() + "/renew", Map.of("paymentMethod", "card_terminal"), owner.token());
        assertThat(renewed.field("endsOn"))
                .isEqualTo(LocalDate.parse(sold.field("endsOn")).plusWeeks(4).toString());
        assertThat(renewed.field("creditsRemaining")).isEqualTo("8");
        assertThat(api.get("/api/v1/sales?clientId=" + client, owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/clients/" + client + "/memberships", owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anotherOrganizationSeesNoMemberships() {
        Owner a = ownerWithOrganization("Memb A");
        Owner b = ownerWithOrganization("Memb B");
        UUID client = client(a);
        UUID pack = plan(a, "class_pack", 5, "month", 1);
        UUID id = sell(a, client, pack).id();
        assertThat(api.get("/api/v1/memberships/" + id, b.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/membership-plans/" + pack, b.token()).status())
                .isEqualTo(404);
        assertThat(sell(b, client, pack).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sales", b.token()).json().path("data").size())
                .isZero();
        assertThat(api.post("/api/v1/memberships/" + id + "/adjustments", Map.of("delta", 5, "reason", "x"), b.token())
                        .status())
                .isEqualTo(404);
        assertThat(List.of(api.get("/api/v1/memberships/" + id + "/ledger", b.token())
                        .status()))
                .containsOnly(404);
    }

    @Test
    void clientListFiltersAndFacetsByMembership() {
        Owner owner = ownerWithOrganization("Member filters");
        UUID withPack = client(owner);
        UUID withUnlimited = client(owner);
        UUID without = client(owner);
        UUID pack = plan(owner, "class_pack", 10, "month", 1);
        UUID unlimited = plan(owner, "unlimited", null, "month", 1);
        sell(owner, withPack, pack);
        UUID cancelled = sell(owner, withUnlimited, unlimited).id();
        sell(owner, withUnlimited, unlimited);
        api.post("/api/v1/memberships/" + cancelled + "/cancel", Map.of("atPeriodEnd", false), owner.token());

        var byPlan = api.get("/api/v1/clients?plan=" + pack, owner.token());
        assertThat(byPlan.json().path("data").findValuesAsString("id")).containsExactly(withPack.toString());
        var none = api.get("/api/v1/clients?membershipState=none", owner.token());
        assertThat(none.json().path("data").findValuesAsString("id")).containsExactly(without.toString());
        var cancelledState = api.get("/api/v1/clients?membershipState=cancelled", owner.token());
        assertThat(cancelledState.json().path("data").findValuesAsString("id"))
                .containsExactly(withUnlimited.toString());
        assertThat(api.get("/api/v1/clients?membershipState=gold", owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/clients?plan=not-an-id", owner.token()).status())
                .isEqualTo(400);

        var facets = api.get("/api/v1/clients/facets?plan=" + pack, owner.token());
        assertThat(facets.json().path("total").asInt()).isEqualTo(1);
        assertThat(facets.json().path("plan").size())
                .as("the plan facet ignores its own filter: " + facets.text())
                .isEqualTo(2);
        assertThat(facets.json().path("plan").toString()).contains("\"label\":\"class_pack plan\"");
    }
}
