package io.wellbase.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A plan change through HTTP: previewed, confirmed with the amount seen, settled, and only then applied. */
class PlanChangeIntegrationTests extends BillingTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 1);

    @Test
    void anUpgradeIsPreviewedChargedAndApplied() {
        Owner owner = ownerWithOrganization("Upgrade");
        UUID client = client(owner, "Uma");
        UUID basic = plan(owner, "Basic", 9000);
        UUID premium = plan(owner, "Premium", 15000);
        UUID membership = sell(owner, client, basic);
        Map<String, Object> change = Map.of("planId", premium, "on", "2026-11-11");
        Api.Response preview =
                api.post("/api/v1/memberships/" + membership + "/plan-change/preview", change, owner.token());
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.field("proration.credit")).isEqualTo("6000");
        assertThat(preview.field("proration.charge")).isEqualTo("10000");
        assertThat(preview.field("proration.due")).isEqualTo("4000");
        // nothing changed by the preview
        assertThat(api.get("/api/v1/memberships/" + membership, owner.token()).field("planId"))
                .isEqualTo(basic.toString());

        Api.Response stale = api.post(
                "/api/v1/memberships/" + membership + "/plan-change",
                Map.of("planId", premium, "on", "2026-11-11", "expectedDue", 3999, "method", "cash"),
                owner.token());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.field("code")).isEqualTo("billing.proration_changed");
        assertThat(stale.field("due")).isEqualTo("4000");

        Api.Response done = api.post(
                "/api/v1/memberships/" + membership + "/plan-change",
                Map.of("planId", premium, "on", "2026-11-11", "expectedDue", 4000, "method", "cash"),
                owner.token());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.field("payment.amount")).isEqualTo("4000");
        assertThat(done.field("payment.status")).isEqualTo("succeeded");
        assertThat(api.get("/api/v1/memberships/" + membership, owner.token()).field("planId"))
                .isEqualTo(premium.toString());
        Api.Response again = api.post(
                "/api/v1/memberships/" + membership + "/plan-change",
                Map.of("planId", premium, "on", "2026-11-11", "method", "cash"),
                owner.token());
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.field("code")).isEqualTo("billing.plan_change_invalid");
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE org_id = :o")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDowngradeOwesTheClientACreditNote() {
        Owner owner = ownerWithOrganization("Downgrade");
        UUID client = client(owner, "Dora");
        UUID premium = plan(owner, "Premium", 15000);
        UUID basic = plan(owner, "Basic", 9000);
        UUID membership = sell(owner, client, premium);
        Api.Response done = api.post(
                "/api/v1/memberships/" + membership + "/plan-change",
                Map.of("planId", basic, "on", "2026-11-11", "expectedDue", -4000),
                owner.token());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        UUID note = UUID.fromString(done.field("creditNoteId"));
        Api.Response credit = api.get("/api/v1/invoices/" + note, owner.token());
        assertThat(credit.field("kind")).isEqualTo("credit_note");
        assertThat(credit.field("total")).isEqualTo("4000");
        assertThat(credit.field("number")).matches("CN-\\d{4}-00001");
    }

    @Test
    void aClassPackOrAnotherCurrencyCannotBeProrated() {
        Owner owner = ownerWithOrganization("No proration");
        UUID client = client(owner, "Cleo");
        UUID basic = plan(owner, "Basic", 9000);
        UUID membership = sell(owner, client, basic);
        UUID pack = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        Api.Response r = api.post(
                "/api/v1/memberships/" + membership + "/plan-change/preview",
                Map.of("planId", pack, "on", "2026-11-11"),
                owner.token());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.field("code")).isEqualTo("billing.plan_change_invalid");
        Api.Response outside = api.post(
                "/api/v1/memberships/" + membership + "/plan-change/preview",
                Map.of("planId", plan(owner, "Other", 100), "on", "2026-12-11"),
                owner.token());
        assertThat(outside.status()).isEqualTo(422);
        Api.Response unknown = api.post(
                "/api/v1/memberships/" + UUID.randomUUID() + "/plan-change/preview",
                Map.of("planId", basic),
                owner.token());
        assertThat(unknown.status()).isEqualTo(404);
    }

    private UUID plan(Owner owner, String name, long price) {
        return api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                name,
                                "kind",
                                "subscription",
                                "price",
                                Map.of("amount", price, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1,
                                "autoRenew",
                                true),
                        owner.token())
                .id();
    }

    private UUID sell(Owner owner, UUID client, UUID plan) {
        Api.Response sold = api.post(
                "/api/v1/clients/" + client + "/memberships",
                Map.of("planId", plan, "paymentMethod", "cash", "startsOn", START.toString()),
                owner.token());
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        return sold.id();
    }
}
