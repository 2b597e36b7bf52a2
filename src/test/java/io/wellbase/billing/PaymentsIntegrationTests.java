package io.wellbase.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.LocalStripe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Payments and refunds through HTTP, by hand and against the local Stripe. */
class PaymentsIntegrationTests extends BillingTest {

    @Test
    void connectingStripeKeepsTheKeysSealedAndShowsOnlyAHint() {
        Owner owner = connectedOwner("Sealed");
        Api.Response shown = api.get("/api/v1/billing/stripe", owner.token());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.field("connected")).isEqualTo("true");
        assertThat(shown.text()).doesNotContain("sk_test_local_").doesNotContain(WEBHOOK_SECRET);
        assertThat(shown.field("webhookUrl")).endsWith("/api/v1/billing/stripe/webhook?org=" + owner.orgId());
        byte[] stored = jdbc.sql("SELECT secret_key_sealed FROM billing_stripe_accounts WHERE org_id = :o")
                .param("o", owner.orgId())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("sk_test");
        Api.Response bad = api.put(
                "/api/v1/billing/stripe", Map.of("secretKey", "nope", "webhookSecret", "whsec_x"), owner.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(invalidFields(bad)).contains("secretKey", "webhookSecret");
    }

    @Test
    void aManualPaymentIsInvoicedAndRefundsNeverPassWhatWasCaptured() {
        Owner owner = ownerWithOrganization("By hand");
        UUID client = client(owner, "Hana");
        Api.Response paid = pay(
                owner,
                Map.of("amount", 4500, "description", "Private session", "clientId", client, "method", "cash"),
                null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.field("status")).isEqualTo("succeeded");
        assertThat(paid.field("captured")).isEqualTo("4500");
        UUID payment = paid.id();
        Api.Response invoices = api.get("/api/v1/invoices?clientId=" + client, owner.token());
        assertThat(invoices.json().path("data")).hasSize(1);
        assertThat(invoices.json().path("data").get(0).path("status").asString())
                .isEqualTo("paid");
        assertThat(invoices.json().path("data").get(0).path("number").asString())
                .matches("\\d{4}-00001");

        Api.Response part = api.post("/api/v1/payments/" + payment + "/refund", Map.of("amount", 1500), owner.token());
        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        Api.Response over = api.post("/api/v1/payments/" + payment + "/refund", Map.of("amount", 3001), owner.token());
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.field("code")).isEqualTo("billing.refund_exceeds_captured");
        assertThat(over.field("refundable")).isEqualTo("3000");
        Api.Response detail = api.get("/api/v1/payments/" + payment, owner.token());
        assertThat(detail.field("payment.refunded")).isEqualTo("1500");
        assertThat(detail.json().path("refunds")).hasSize(1);
        Api.Response notes = api.get("/api/v1/invoices?clientId=" + client, owner.token());
        assertThat(notes.json().path("data")).hasSize(2);
        assertThat(notes.json().path("data").get(0).path("kind").asString()).isEqualTo("credit_note");
        assertThat(notes.json().path("data").get(0).path("number").asString()).matches("CN-\\d{4}-00001");
    }

    @Test
    void concurrentRefundsTogetherNeverExceedTheCapturedAmount() throws Exception {
        Owner owner = connectedOwner("Refund race");
        UUID client = client(owner, "Rae");
        Api.Response paid = pay(
                owner,
                Map.of(
                        "amount",
                        3000,
                        "description",
                        "Pack",
                        "clientId",
                        client,
                        "method",
                        "card",
                        "paymentMethodId",
                        "pm_card_visa"),
                null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        UUID payment = paid.id();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> api.post("/api/v1/payments/" + payment + "/refund", Map.of("amount", 1000), owner.token())
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
        assertThat(statuses.stream().filter(s -> s == 422)).hasSize(5);
        assertThat(api.get("/api/v1/payments/" + payment, owner.token()).field("payment.refunded"))
                .isEqualTo("3000");
        String intent = api.get("/api/v1/payments/" + payment, owner.token()).field("payment.providerPaymentId");
        long atStripe = LocalStripe.eventsFor(owner.orgId().toString()).size();
        assertThat(atStripe).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM payment_refunds WHERE org_id = :o AND provider_refund_id IS NOT NULL")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(intent).startsWith("pi_");
    }

    @Test
    void aCardPaymentOfAnOrderPassesTheIdempotencyKeyOnAndChargesOnce() throws Exception {
        Owner owner = connectedOwner("Card order");
        UUID order = placedOrder(owner);
        Map<String, Object> body = Map.of("orderId", order, "method", "card", "paymentMethodId", "pm_card_visa");
        List<Callable<Api.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> pay(owner, body, "order-key-1"));
        }
        List<Api.Response> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var f : pool.invokeAll(tasks)) {
                answers.add(f.get());
            }
        }
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        assertThat(answers.stream().map(Api.Response::id).distinct()).hasSize(1);
        UUID payment = answers.get(0).id();
        assertThat(LocalStripe.idempotencyKeyOf(payment.toString()))
                .startsWith("wb-")
                .hasSizeGreaterThan(40);
        assertThat(api.get("/api/v1/orders/" + order, owner.token()).field("order.status"))
                .isEqualTo("paid");
        assertThat(api.get("/api/v1/orders/" + order, owner.token()).field("order.paymentMethod"))
                .isEqualTo("card");
        Api.Response otherBody = pay(owner, Map.of("orderId", order, "method", "cash"), "order-key-1");
        assertThat(otherBody.status()).isEqualTo(422);
        Api.Response again = pay(owner, Map.of("orderId", order, "method", "cash"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("billing.order_not_payable");
    }

    @Test
    void concurrentPaymentsOfOneOrderWithoutKeysLeaveExactlyOne() throws Exception {
        Owner owner = connectedOwner("Order race");
        UUID order = placedOrder(owner);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> pay(
                            owner, Map.of("orderId", order, "method", "card", "paymentMethodId", "pm_card_visa"), null)
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (var f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE org_id = :o AND status = 'succeeded'")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDeclinedCardIsA402NamingTheStoredPayment() {
        Owner owner = connectedOwner("Declined");
        UUID client = client(owner, "Dee");
        Api.Response declined = pay(
                owner,
                Map.of(
                        "amount",
                        2000,
                        "description",
                        "Drop-in",
                        "clientId",
                        client,
                        "method",
                        "card",
                        "paymentMethodId",
                        "pm_card_declined"),
                "declined-1");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(402);
        assertThat(declined.field("code")).isEqualTo("billing.card_declined");
        assertThat(declined.field("declineCode")).isEqualTo("insufficient_funds");
        UUID payment = UUID.fromString(declined.field("paymentId"));
        assertThat(api.get("/api/v1/payments/" + payment, owner.token()).field("payment.status"))
                .isEqualTo("failed");
        assertThat(api.get("/api/v1/invoices?clientId=" + client, owner.token())
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void whenStripeIsDownTheRetryWithTheSameKeyContinuesTheSamePayment() {
        Owner owner = connectedOwner("Outage");
        UUID client = client(owner, "Otto");
        Map<String, Object> body = Map.of(
                "amount",
                2500,
                "description",
                "Class",
                "clientId",
                client,
                "method",
                "card",
                "paymentMethodId",
                "pm_card_visa");
        LocalStripe.failNext(3);
        Api.Response down = pay(owner, body, "outage-1");
        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.field("code")).isEqualTo("billing.provider_unavailable");
        Api.Response retried = pay(owner, body, "outage-1");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.field("status")).isEqualTo("succeeded");
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE org_id = :o")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndWritesNothing() {
        Owner owner = ownerWithOrganization("Bad input");
        Api.Response none = pay(owner, Map.of("method", "cash"), null);
        assertThat(none.status()).isEqualTo(400);
        Api.Response both = pay(owner, Map.of("amount", 10, "orderId", UUID.randomUUID(), "method", "cash"), null);
        assertThat(both.status()).isEqualTo(400);
        Api.Response method = pay(owner, Map.of("amount", 10, "description", "x", "method", "bitcoin"), null);
        assertThat(invalidFields(method)).contains("method");
        Api.Response fraction = pay(owner, Map.of("amount", 10.5, "description", "x", "method", "cash"), null);
        assertThat(fraction.status()).isEqualTo(400);
        Api.Response card = pay(owner, Map.of("amount", 10, "description", "x", "method", "card"), null);
        assertThat(card.status()).isEqualTo(409);
        assertThat(card.field("code")).isEqualTo("billing.stripe_not_connected");
        Api.Response unknown = pay(owner, Map.of("orderId", UUID.randomUUID(), "method", "cash"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE org_id = :o")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private UUID placedOrder(Owner owner) {
        UUID location = createLocation(owner.token(), "Shop", List.of());
        UUID product = api.post(
                        "/api/v1/products",
                        Map.of(
                                "sku",
                                "MAT-" + UUID.randomUUID().toString().substring(0, 6),
                                "title",
                                "Mat",
                                "price",
                                Map.of("amount", 3900)),
                        owner.token())
                .id();
        api.post(
                "/api/v1/inventory/movements",
                Map.of("productId", product, "locationId", location, "kind", "receive", "quantity", 5),
                owner.token());
        UUID client = client(owner, "Olga");
        Api.Response order = api.post(
                "/api/v1/orders",
                Map.of(
                        "locationId",
                        location,
                        "clientId",
                        client,
                        "items",
                        List.of(Map.of("productId", product, "quantity", 1))),
                owner.token());
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        return order.id();
    }
}
