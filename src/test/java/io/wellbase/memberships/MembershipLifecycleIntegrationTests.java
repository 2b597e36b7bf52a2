package io.wellbase.memberships;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle job, run through the same endpoints' data: expiry with credits, subscription renewal
 * (charge recorded as due), and nothing changes when it runs twice for the same day.
 */
class MembershipLifecycleIntegrationTests extends IntegrationTest {

    @Test
    void expiresPacksAndRenewsSubscriptions() {
        Owner owner = ownerWithOrganization("Lifecycle");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "C", "lastName", "Y"), owner.token())
                .id();
        UUID pack = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "week",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        UUID sub = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "monthly",
                                "kind",
                                "subscription",
                                "autoRenew",
                                true,
                                "price",
                                Map.of("amount", 7900, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        LocalDate start = LocalDate.of(2026, 1, 31);
        UUID packMembership = api.post(
                        "/api/v1/clients/" + client + "/memberships",
                        Map.of("planId", pack, "paymentMethod", "cash", "startsOn", start.toString()),
                        owner.token())
                .id();
        UUID subMembership = api.post(
                        "/api/v1/clients/" + client + "/memberships",
                        Map.of("planId", sub, "paymentMethod", "cash", "startsOn", start.toString()),
                        owner.token())
                .id();
        assertThat(api.get("/api/v1/memberships/" + subMembership, owner.token())
                        .field("endsOn"))
                .isEqualTo("2026-02-27");

        // the scheduler runs the job for today; run it again through the database state it leaves
        runLifecycle();
        runLifecycle();

        var expired = api.get("/api/v1/memberships/" + packMembership, owner.token());
        assertThat(expired.field("status")).isEqualTo("expired");
        assertThat(expired.field("creditsRemaining")).isEqualTo("0");
        assertThat(jdbc.sql("SELECT count(*) FROM credit_ledger WHERE membership_id = :m AND reason = 'expiry'")
                        .param("m", packMembership)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        var renewed = api.get("/api/v1/memberships/" + subMembership, owner.token());
        assertThat(renewed.field("status")).isEqualTo("active");
        assertThat(LocalDate.parse(renewed.field("endsOn"))).isAfterOrEqualTo(LocalDate.now());
        Integer charges = jdbc.sql(
                        "SELECT count(*) FROM membership_charges WHERE membership_id = :m AND status = 'due'")
                .param("m", subMembership)
                .query(Integer.class)
                .single();
        Integer periods = jdbc.sql(
                        "SELECT count(DISTINCT period_start) FROM membership_charges WHERE membership_id = :m")
                .param("m", subMembership)
                .query(Integer.class)
                .single();
        assertThat(charges).isPositive().isEqualTo(periods);
        assertThat(api.get("/api/v1/clients?openBalance=true", owner.token())
                        .json()
                        .path("data")
                        .findValuesAsString("id"))
                .containsExactly(client.toString());
        assertThat(api.get("/api/v1/clients?openBalance=maybe", owner.token()).status())
                .isEqualTo(400);
    }

    private void runLifecycle() {
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'membership-lifecycle'")
                .update();
        long deadline = System.currentTimeMillis() + 10_000;
        String before = lastSuccess();
        while (System.currentTimeMillis() < deadline && java.util.Objects.equals(before, lastSuccess())) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(lastSuccess()).as("the job ran").isNotEqualTo(before);
    }

    private String lastSuccess() {
        return jdbc.sql(
                        "SELECT coalesce(last_success::text, '') FROM scheduled_tasks WHERE task_name = 'membership-lifecycle'")
                .query(String.class)
                .optional()
                .orElse("");
    }
}
