package io.wellbase.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.LocalStripe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhooks: the signature over the raw body, the ledger that stores each event once, and processing that
 * reads the object's current state, so that every event of a scenario delivered three times in shuffled order
 * leaves the same balances and invoice states.
 */
class StripeWebhooksIntegrationTests extends BillingTest {

    @Test
    void aBadSignatureIsA400AndChangesNothing() {
        Owner owner = connectedOwner("Signatures");
        Map<String, Object> event = Map.of(
                "id",
                "evt_sig_" + UUID.randomUUID().toString().substring(0, 8),
                "object",
                "event",
                "type",
                "customer.created",
                "created",
                1767225600,
                "livemode",
                false,
                "api_version",
                "2026-07-29.dahlia",
                "data",
                Map.of("object", Map.of("id", "cus_x", "object", "customer")));
        String body = LocalStripe.json(event);
        long now = Instant.now().getEpochSecond();
        String path = "/api/v1/billing/stripe/webhook?org=" + owner.orgId();
        List<String> refused = List.of(
                LocalStripe.sign(body, "whsec_another_secret", now),
                LocalStripe.sign(body, WEBHOOK_SECRET, now - 301),
                LocalStripe.sign(body + " ", WEBHOOK_SECRET, now),
                "t=" + now,
                "garbage");
        for (String signature : refused) {
            Api.Response r = api.send("POST", path, body, null, Map.of("Stripe-Signature", signature));
            assertThat(r.status()).as(signature).isEqualTo(400);
            assertThat(r.field("code")).isEqualTo("billing.webhook_signature_invalid");
        }
        assertThat(api.send("POST", path, body, null, Map.of()).status()).isEqualTo(400);
        assertThat(api.send(
                                "POST",
                                "/api/v1/billing/stripe/webhook?org=" + UUID.randomUUID(),
                                body,
                                null,
                                Map.of("Stripe-Signature", LocalStripe.sign(body, WEBHOOK_SECRET, now)))
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM stripe_events WHERE org_id = :o")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isZero();
        // a second v1 during a secret roll: any matching one verifies
        String rolled = "t=" + now + ",v1=" + "0".repeat(64) + ","
                + LocalStripe.sign(body, WEBHOOK_SECRET, now).split(",")[1];
        Api.Response ok = api.send("POST", path, body, null, Map.of("Stripe-Signature", rolled));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.field("outcome")).isEqualTo("ignored");
        Api.Response again = api.send("POST", path, body, null, Map.of("Stripe-Signature", rolled));
        assertThat(again.field("duplicate")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT deliveries FROM stripe_events WHERE org_id = :o")
                        .param("o", owner.orgId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void replayingEveryEventThreeTimesInShuffledOrderGivesTheSameBooks() {
        List<String> first = scenario("Replay one", 11);
        List<String> second = scenario("Replay two", 12345);
        assertThat(first).isEqualTo(second);
        // the books agree with Stripe: two settled payments, one declined, one still waiting, one refunded in part, and
        // the renewal paid by the late card collected
        assertThat(first)
                .containsExactly(
                        "A 2000 succeeded captured 2000 refunded 0",
                        "B 3000 succeeded captured 3000 refunded 1200",
                        "C 4000 failed captured 0 refunded 0",
                        "D 5000 processing captured 0 refunded 0",
                        "invoices paid 3, credit notes 1",
                        "renewal collected, membership active");
    }

    /** Four payments that Stripe processes asynchronously, settled and refunded at Stripe, events delivered late. */
    private List<String> scenario(String name, long seed) {
        Owner owner = connectedOwner(name);
        UUID client = client(owner, "Rita");
        Map<String, String> intents = new java.util.LinkedHashMap<>();
        Map<String, UUID> ids = new java.util.LinkedHashMap<>();
        String[] labels = {"A", "B", "C", "D"};
        for (int i = 0; i < labels.length; i++) {
            Api.Response r = pay(
                    owner,
                    Map.of(
                            "amount",
                            2000 + 1000 * i,
                            "description",
                            "Payment " + labels[i],
                            "clientId",
                            client,
                            "method",
                            "card",
                            "paymentMethodId",
                            "pm_card_processing"),
                    null);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.field("status")).isEqualTo("processing");
            intents.put(labels[i], r.field("providerPaymentId"));
            ids.put(labels[i], r.id());
        }
        // a monthly membership's due renewal, paid by a card that settles later
        UUID membership = membershipWithDueRenewal(owner, client);
        Api.Response renewal = pay(
                owner,
                Map.of("membershipId", membership, "method", "card", "paymentMethodId", "pm_card_processing"),
                null);
        assertThat(renewal.field("status")).as(renewal.toString()).isEqualTo("processing");
        LocalStripe.settle(intents.get("A"), true);
        LocalStripe.settle(intents.get("B"), true);
        LocalStripe.settle(intents.get("C"), false);
        LocalStripe.dashboardRefund(intents.get("B"), 1200);
        LocalStripe.settle(renewal.field("providerPaymentId"), true);
        List<Map<String, Object>> events =
                new ArrayList<>(LocalStripe.eventsFor(owner.orgId().toString()));
        assertThat(events.size()).isGreaterThanOrEqualTo(8);
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.addAll(events);
        }
        Collections.shuffle(deliveries, new Random(seed));
        for (var e : deliveries) {
            Api.Response r = deliver(owner, e);
            assertThat(r.status()).as(e.get("type") + " " + r).isEqualTo(200);
        }
        List<String> books = new ArrayList<>();
        for (String label : labels) {
            var p = api.get("/api/v1/payments/" + ids.get(label), owner.token());
            books.add(label + " " + p.field("payment.amount") + " " + p.field("payment.status") + " captured "
                    + p.field("payment.captured") + " refunded " + p.field("payment.refunded"));
        }
        var invoices = api.get("/api/v1/invoices?clientId=" + client, owner.token())
                .json()
                .path("data");
        long paid = 0;
        long notes = 0;
        for (var i : invoices) {
            if (i.path("kind").asString().equals("credit_note")) {
                notes++;
            } else if (i.path("status").asString().equals("paid")) {
                paid++;
            }
        }
        books.add("invoices paid " + paid + ", credit notes " + notes);
        books.add("renewal "
                + jdbc.sql("SELECT status FROM membership_charges WHERE membership_id = :m")
                        .param("m", membership)
                        .query(String.class)
                        .single()
                + ", membership "
                + api.get("/api/v1/memberships/" + membership, owner.token()).field("status"));
        return books;
    }

    private UUID membershipWithDueRenewal(Owner owner, UUID client) {
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Monthly",
                                "kind",
                                "subscription",
                                "price",
                                Map.of("amount", 6000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1,
                                "autoRenew",
                                true),
                        owner.token())
                .id();
        UUID membership = api.post(
                        "/api/v1/clients/" + client + "/memberships",
                        Map.of("planId", plan, "paymentMethod", "cash"),
                        owner.token())
                .id();
        jdbc.sql("""
                INSERT INTO membership_charges (id, org_id, membership_id, amount, currency, period_start, period_end)
                VALUES (gen_random_uuid(), :o, :m, 6000, 'EUR', current_date, current_date + 29)
                """).param("o", owner.orgId()).param("m", membership).update();
        return membership;
    }
}
