package io.wellbase.billing.internal.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.billing.BillingTest;
import io.wellbase.support.Api;
import io.wellbase.support.LocalStripe;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dunning timeline on a fixed clock: a renewal charged to a saved card that declines is retried 2, 5 and 9
 * days after the first failure, the client is told each time, and after 3 days' grace the membership is paused;
 * a client who saves a working card is charged at the next run and the case counts as recovered by retry.
 */
class DunningIntegrationTests extends BillingTest {

    @Autowired
    RenewalCharging charging;

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 1);

    @Test
    void aDecliningCardIsRetriedOnThePolicysDaysThenTheMembershipPausesAfterGrace() {
        Owner owner = connectedOwner("Dunning pause");
        Renewal r = renewal(owner, "pm_card_declined");
        runOn(FIRST);
        assertThat(dunningCase(owner)).isEqualTo("retrying 1 2026-12-03 null");
        for (LocalDate day = FIRST.plusDays(1); day.isBefore(FIRST.plusDays(9)); day = day.plusDays(1)) {
            runOn(day);
        }
        assertThat(attempts(owner)).isEqualTo(3);
        runOn(FIRST.plusDays(9));
        assertThat(dunningCase(owner)).isEqualTo("grace 4 null 2026-12-13");
        runOn(FIRST.plusDays(11));
        assertThat(membershipStatus(owner, r.membership())).isEqualTo("active");
        runOn(FIRST.plusDays(12));
        assertThat(dunningCase(owner)).startsWith("lapsed 4");
        assertThat(membershipStatus(owner, r.membership())).isEqualTo("frozen");
        assertThat(chargeStatus(r.charge())).isEqualTo("void");
        Api.Response invoices = api.get("/api/v1/invoices?clientId=" + r.client(), owner.token());
        assertThat(invoices.json().path("data").get(0).path("status").asString())
                .isEqualTo("uncollectible");
        // the client was told of every failed attempt, with the link to update the card
        long told = 0;
        for (int i = 0; i < 200 && told < 4; i++) {
            sleep(100);
            told = jdbc.sql("""
                            SELECT count(*) FROM notification_deliveries
                            WHERE org_id = :o AND type = 'billing.renewal_failed' AND channel = 'email'
                            """).param("o", owner.orgId()).query(Long.class).single();
        }
        assertThat(told).isEqualTo(4);
        Api.Response summary = api.get("/api/v1/billing/dunning/summary?from=2026-01-01&to=2026-12-31", owner.token());
        assertThat(summary.json().path("months").get(0).path("failed").asLong()).isEqualTo(1);
        assertThat(summary.json().path("months").get(0).path("involuntaryChurn").asLong())
                .isEqualTo(1);
        assertThat(summary.json().path("months").get(0).path("recoveryRate").asDouble())
                .isZero();
    }

    @Test
    void aNewCardIsChargedAtTheNextRunAndCountsAsRecoveredByRetry() {
        Owner owner = connectedOwner("Dunning recovered");
        Renewal r = renewal(owner, "pm_card_declined");
        runOn(FIRST);
        // the client saves a working card through Stripe.js; Stripe's webhook tells Wellbase
        Api.Response setup =
                api.post("/api/v1/clients/" + r.client() + "/payment-method/setup", Map.of(), owner.token());
        assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
        LocalStripe.confirmSetup(setup.field("setupIntentId"), "pm_card_visa");
        var events = LocalStripe.eventsFor(owner.orgId().toString());
        Api.Response delivered = deliver(owner, events.get(events.size() - 1));
        assertThat(delivered.field("outcome")).isEqualTo("card saved, 1 renewals to retry");
        assertThat(api.get("/api/v1/clients/" + r.client() + "/payment-method", owner.token())
                        .field("last4"))
                .isEqualTo("4242");
        runOn(FIRST.plusDays(1));
        assertThat(dunningCase(owner)).startsWith("recovered");
        assertThat(chargeStatus(r.charge())).isEqualTo("collected");
        Api.Response summary = api.get("/api/v1/billing/dunning/summary?from=2026-01-01&to=2026-12-31", owner.token());
        var month = summary.json().path("months").get(0);
        assertThat(month.path("recoveredByRetry").asLong()).isEqualTo(1);
        assertThat(month.path("recoveryRate").asDouble()).isEqualTo(1.0);
        Api.Response invoices = api.get("/api/v1/invoices?clientId=" + r.client(), owner.token());
        assertThat(invoices.json().path("data")).hasSize(1);
        assertThat(invoices.json().path("data").get(0).path("status").asString())
                .isEqualTo("paid");
    }

    private record Renewal(UUID client, UUID membership, UUID charge) {}

    /** A monthly auto-renewing membership whose next period is due, and the client's saved card. */
    private Renewal renewal(Owner owner, String savedCard) {
        LocalDate periodStart = FIRST;
        UUID client = client(owner, "Ren");
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Monthly",
                                "kind",
                                "subscription",
                                "price",
                                Map.of("amount", 8900, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1,
                                "autoRenew",
                                true),
                        owner.token())
                .id();
        Api.Response sold = api.post(
                "/api/v1/clients/" + client + "/memberships",
                Map.of(
                        "planId",
                        plan,
                        "paymentMethod",
                        "cash",
                        "startsOn",
                        periodStart.minusMonths(1).toString()),
                owner.token());
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        UUID membership = sold.id();
        UUID charge = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO membership_charges (id, org_id, membership_id, amount, currency, period_start, period_end)
                VALUES (:id, :o, :m, 8900, 'EUR', :start, :end)
                """)
                .param("id", charge)
                .param("o", owner.orgId())
                .param("m", membership)
                .param("start", periodStart)
                .param("end", periodStart.plusMonths(1).minusDays(1))
                .update();
        Api.Response setup = api.post("/api/v1/clients/" + client + "/payment-method/setup", Map.of(), owner.token());
        LocalStripe.confirmSetup(setup.field("setupIntentId"), savedCard);
        var events = LocalStripe.eventsFor(owner.orgId().toString());
        assertThat(deliver(owner, events.get(events.size() - 1)).field("outcome"))
                .isEqualTo("card saved");
        return new Renewal(client, membership, charge);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runOn(LocalDate day) {
        clock.fixAt(day.atTime(6, 0).toInstant(ZoneOffset.UTC));
        charging.runFor(day);
    }

    private String dunningCase(Owner owner) {
        return jdbc.sql("""
                        SELECT status || ' ' || attempts || ' ' || coalesce(next_retry_on::text, 'null') || ' '
                               || coalesce(lapses_on::text, 'null')
                        FROM dunning_cases WHERE org_id = :o
                        """).param("o", owner.orgId()).query(String.class).single();
    }

    private long attempts(Owner owner) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE org_id = :o AND off_session AND status = 'failed'")
                .param("o", owner.orgId())
                .query(Long.class)
                .single();
    }

    private String membershipStatus(Owner owner, UUID membership) {
        return api.get("/api/v1/memberships/" + membership, owner.token()).field("status");
    }

    private String chargeStatus(UUID charge) {
        return jdbc.sql("SELECT status FROM membership_charges WHERE id = :id")
                .param("id", charge)
                .query(String.class)
                .single();
    }
}
