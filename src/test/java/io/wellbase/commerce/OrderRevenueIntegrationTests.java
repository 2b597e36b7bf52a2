package io.wellbase.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Paid orders count in revenue beside the memberships' sales (before tax, as sale items), and their refunds too. */
class OrderRevenueIntegrationTests extends CommerceTest {

    @Test
    void aPaidOrderIsRevenueBesideAMembershipSale() {
        Owner owner = ownerWithOrganization("Revenue Shop");
        UUID shop = location(owner);
        UUID p = product(owner, "REV", 1000, Map.of("taxRate", 19, "trackStock", false));
        Client fay = client(owner, "Fay");
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
        assertThat(api.post(
                                "/api/v1/clients/" + fay.id() + "/memberships",
                                Map.of("planId", plan, "paymentMethod", "cash"),
                                owner.token())
                        .status())
                .isEqualTo(201);
        UUID unpaid = order(owner.token(), shop, fay.id(), Map.of(p, 5)).id();
        UUID paid = order(owner.token(), shop, fay.id(), Map.of(p, 2)).id();
        api.post("/api/v1/payments", Map.of("orderId", paid, "method", "card_terminal"), owner.token());
        api.post("/api/v1/orders/" + paid + "/refunds", Map.of("amount", 500, "reason", "scratched"), owner.token());
        assertThat(unpaid).isNotNull();

        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        Api.Response r = api.post(
                "/api/v1/analytics/query",
                Map.of(
                        "metrics",
                        List.of("revenue", "refunds"),
                        "dimensions",
                        List.of("paymentMethod"),
                        "timeRange",
                        Map.of("from", today, "to", today)),
                owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Long> revenue = new java.util.TreeMap<>();
        Map<String, Long> refunds = new java.util.TreeMap<>();
        for (JsonNode row : r.json().path("rows")) {
            revenue.put(
                    row.path("paymentMethod").asString(), row.path("revenue").asLong());
            refunds.put(
                    row.path("paymentMethod").asString(), row.path("refunds").asLong());
        }
        // the membership sale (50.00 cash); the paid order's 2 x 10.00 before its 19 % tax; the unpaid order not at all
        assertThat(revenue).containsEntry("cash", 5000L).containsEntry("card_terminal", 2000L);
        assertThat(refunds).containsEntry("card_terminal", 500L);

        // the revenue report counts the order beside the sale: 50.00 + 20.00 gross, 5.00 refunded
        JsonNode report = revenueReport(owner, Map.of("dateRange", Map.of("from", today, "to", today)));
        assertThat(report.path("kpis").path("gross").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(report.path("kpis").path("refunds").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(report.path("kpis").path("sales").asLong()).isEqualTo(2);
        assertThat(report.path("tables").path("byPlan").toString()).contains("Products");
    }
}
