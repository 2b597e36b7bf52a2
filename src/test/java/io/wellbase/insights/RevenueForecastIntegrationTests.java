package io.wellbase.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The revenue forecast over 30 months of seasonal sales, with a renewal charge already due next month. */
class RevenueForecastIntegrationTests extends OrganizationTest {

    @Test
    void forecastsWithIntervalsTheBackTestedMethodAndScheduledRenewals() {
        Owner owner = ownerWithOrganization("Forecast Studio");
        LocalDate thisMonth = LocalDate.now(ZoneId.of("Europe/Berlin")).withDayOfMonth(1);
        UUID client = UUID.randomUUID();
        jdbc.sql("INSERT INTO clients (id, org_id, first_name, last_name) VALUES (:id, :org, 'Fore', 'Cast')")
                .param("id", client)
                .param("org", owner.orgId())
                .update();
        jdbc.sql("""
                WITH m AS (SELECT g AS k, (CAST(:first AS date) + make_interval(months => g))::date AS month
                           FROM generate_series(0, 29) AS g),
                s AS (INSERT INTO sales (id, org_id, client_id, currency, subtotal, total, payment_method, sold_at)
                      SELECT gen_random_uuid(), :org, :client, 'EUR', v, v, 'card_terminal', (month + 14)::timestamp AT TIME ZONE 'UTC'
                      FROM (SELECT month, (100000 + 2000 * k) * (10 + 3 * sin(2 * pi() * k / 12))::bigint / 10 AS v FROM m) x
                      RETURNING id, total)
                INSERT INTO sale_items (id, org_id, sale_id, description, quantity, unit_amount, total)
                SELECT gen_random_uuid(), :org, s.id, 'Membership', 1, s.total, s.total FROM s
                """)
                .param("first", thisMonth.minusMonths(30))
                .param("org", owner.orgId())
                .param("client", client)
                .update();
        UUID plan = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO membership_plans (id, org_id, name, kind, price_amount, currency, period_unit, period_count)
                VALUES (:id, :org, 'Monthly', 'unlimited', 9900, 'EUR', 'month', 1)""").param("id", plan).param("org", owner.orgId()).update();
        UUID membership = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on)
                VALUES (:id, :org, :client, :plan, 'active', :start, :end)""")
                .param("id", membership)
                .param("org", owner.orgId())
                .param("client", client)
                .param("plan", plan)
                .param("start", thisMonth.minusMonths(1))
                .param("end", thisMonth.plusMonths(2))
                .update();
        jdbc.sql("""
                INSERT INTO membership_charges (id, org_id, membership_id, amount, currency, period_start, period_end)
                VALUES (:id, :org, :membership, 4500, 'EUR', :start, :end)""")
                .param("id", UUID.randomUUID())
                .param("org", owner.orgId())
                .param("membership", membership)
                .param("start", thisMonth.plusMonths(1))
                .param("end", thisMonth.plusMonths(2).minusDays(1))
                .update();

        Api.Response r = api.get("/api/v1/analytics/revenue-forecast?months=3", owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("history")).hasSize(30);
        assertThat(answer.path("backtest")).hasSize(4);
        assertThat(answer.path("backtest")
                        .valueStream()
                        .map(b -> b.path("method").asString()))
                .containsExactlyInAnyOrder("seasonal_naive", "exponential_smoothing", "damped_trend", "theta");
        assertThat(answer.path("method").asString()).isNotEqualTo("seasonal_naive");
        JsonNode months = answer.path("forecast");
        assertThat(months).hasSize(3);
        for (JsonNode m : months) {
            assertThat(m.path("low95").asLong())
                    .isLessThanOrEqualTo(m.path("low80").asLong());
            assertThat(m.path("low80").asLong())
                    .isLessThanOrEqualTo(m.path("revenue").asLong());
            assertThat(m.path("revenue").asLong())
                    .isLessThanOrEqualTo(m.path("high80").asLong());
            assertThat(m.path("high80").asLong())
                    .isLessThanOrEqualTo(m.path("high95").asLong());
        }
        assertThat(months.get(0).path("month").asString()).isEqualTo(thisMonth.toString());
        assertThat(months.get(1).path("scheduledRenewals").asLong()).isEqualTo(4500);
        assertThat(months.get(2).path("scheduledRenewals").asLong()).isZero(); // the plan does not renew by itself
        assertThat(api.get("/api/v1/analytics/revenue-forecast?months=13", owner.token())
                        .status())
                .isEqualTo(400);
        Member desk = memberWithRole(owner, "front_desk");
        assertThat(api.get("/api/v1/analytics/revenue-forecast", desk.token()).status())
                .isEqualTo(403);
        Owner empty = ownerWithOrganization("No Sales");
        JsonNode none =
                api.get("/api/v1/analytics/revenue-forecast", empty.token()).json();
        assertThat(none.path("method").asString()).isEqualTo("mean");
        assertThat(none.path("note").asString()).startsWith("Only 0 complete months");
    }
}
