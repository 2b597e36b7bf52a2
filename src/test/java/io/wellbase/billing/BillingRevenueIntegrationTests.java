package io.wellbase.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One definition of revenue, net of refunds, read the same by the analytics and the revenue report: memberships'
 * sales, paid orders (before tax, once, also when paid by card through billing) and billing's payments that paid
 * no order (before their invoice's tax), less every refund.
 */
class BillingRevenueIntegrationTests extends BillingTest {

    @Test
    void analyticsAndTheRevenueReportCountPaymentsOnceAndNetOfRefunds() {
        Owner owner = connectedOwner("Revenue books");
        api.put("/api/v1/billing/settings", Map.of("taxRateBp", 1900), owner.token());
        UUID client = client(owner, "Reva");
        UUID plan = api.post(
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
        // a membership sold at the desk: 50.00
        assertThat(api.post(
                                "/api/v1/clients/" + client + "/memberships",
                                Map.of("planId", plan, "paymentMethod", "cash"),
                                owner.token())
                        .status())
                .isEqualTo(201);
        // an order of 2 × 10.00 + 19 % tax paid by card through billing: 20.00 before tax, counted once
        UUID location = createLocation(owner.token(), "Shop", List.of());
        UUID product = api.post(
                        "/api/v1/products",
                        Map.of(
                                "sku",
                                "REV-" + UUID.randomUUID().toString().substring(0, 6),
                                "title",
                                "Oil",
                                "price",
                                Map.of("amount", 1000),
                                "taxRate",
                                19,
                                "trackStock",
                                false),
                        owner.token())
                .id();
        UUID order = api.post(
                        "/api/v1/orders",
                        Map.of(
                                "locationId",
                                location,
                                "clientId",
                                client,
                                "items",
                                List.of(Map.of("productId", product, "quantity", 2))),
                        owner.token())
                .id();
        Api.Response card =
                pay(owner, Map.of("orderId", order, "method", "card", "paymentMethodId", "pm_card_visa"), null);
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        // 5.00 of the card payment refunded through billing: recorded on the order too, counted once
        Api.Response cardRefund = api.post(
                "/api/v1/payments/" + card.id() + "/refund",
                Map.of("amount", 500, "reason", "scratched"),
                owner.token());
        assertThat(cardRefund.status()).as(cardRefund.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/orders/" + order, owner.token()).field("order.refunded"))
                .isEqualTo("500");
        Api.Response byCommerce = api.post(
                "/api/v1/orders/" + order + "/refunds", Map.of("amount", 100, "reason", "again"), owner.token());
        assertThat(byCommerce.status()).isEqualTo(409);
        assertThat(byCommerce.field("code")).isEqualTo("order.refund_through_payment");
        // a private session of 119.00 taken by hand: 100.00 before its 19 % tax; 11.90 of it refunded
        Api.Response session = pay(
                owner,
                Map.of("amount", 11900, "description", "Private session", "clientId", client, "method", "cash"),
                null);
        assertThat(api.post("/api/v1/payments/" + session.id() + "/refund", Map.of("amount", 1190), owner.token())
                        .status())
                .isEqualTo(201);

        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        Api.Response analytics = api.post(
                "/api/v1/analytics/query",
                Map.of("metrics", List.of("revenue", "refunds"), "timeRange", Map.of("from", today, "to", today)),
                owner.token());
        assertThat(analytics.status()).as(analytics.toString()).isEqualTo(200);
        JsonNode row = analytics.json().path("rows").get(0);
        assertThat(row.path("revenue").asLong()).isEqualTo(5000 + 2000 + 10000);
        assertThat(row.path("refunds").asLong()).isEqualTo(1190 + 500);

        JsonNode report = revenueReport(owner, Map.of("dateRange", Map.of("from", today, "to", today)));
        assertThat(report.path("kpis").path("gross").decimalValue()).isEqualByComparingTo("170.00");
        assertThat(report.path("kpis").path("refunds").decimalValue()).isEqualByComparingTo("16.90");
        assertThat(report.path("kpis").path("net").decimalValue()).isEqualByComparingTo("153.10");
    }
}
