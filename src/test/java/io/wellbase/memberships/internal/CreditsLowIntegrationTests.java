package io.wellbase.memberships.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A class pack running out of credits tells its client once per fall to the threshold (a top-up arms it
 * again); the lifecycle job finds it, the notifications module writes the message.
 */
class CreditsLowIntegrationTests extends IntegrationTest {

    @Autowired
    MembershipLifecycle lifecycle;

    @Test
    void aPackRunningLowTellsItsClientOnceAndAgainAfterATopUp() throws InterruptedException {
        Owner owner = ownerWithOrganization("Credits Low");
        UUID client = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Lou", "lastName", "Low", "email", uniqueEmail("low")),
                        owner.token())
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Five",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                3),
                        owner.token())
                .id();
        UUID membership = api.post(
                        "/api/v1/clients/" + client + "/memberships",
                        Map.of("planId", plan, "paymentMethod", "cash"),
                        owner.token())
                .id();
        LocalDate today = LocalDate.now();

        lifecycle.runFor(today);
        assertThat(deliveriesOf(owner.orgId(), "membership.credits_low"))
                .as("5 left: fine")
                .isZero();

        Api.Response used = api.post(
                "/api/v1/memberships/" + membership + "/adjustments",
                Map.of("delta", -4, "reason", "used elsewhere"),
                owner.token());
        assertThat(used.status()).as(used.toString()).isBetween(200, 201);
        lifecycle.runFor(today);
        assertThat(eventuallyCount(() -> deliveriesOf(owner.orgId(), "membership.credits_low"), 1))
                .isEqualTo(1);
        String body = jdbc.sql("SELECT body FROM notification_deliveries WHERE org_id = :org AND type = :type")
                .param("org", owner.orgId())
                .param("type", "membership.credits_low")
                .query(String.class)
                .single();
        assertThat(body).contains("1 credits left");
        lifecycle.runFor(today);
        Thread.sleep(500);
        assertThat(deliveriesOf(owner.orgId(), "membership.credits_low"))
                .as("told once")
                .isEqualTo(1);

        api.post(
                "/api/v1/memberships/" + membership + "/adjustments",
                Map.of("delta", 3, "reason", "top-up"),
                owner.token());
        lifecycle.runFor(today);
        api.post(
                "/api/v1/memberships/" + membership + "/adjustments",
                Map.of("delta", -3, "reason", "used"),
                owner.token());
        lifecycle.runFor(today);
        assertThat(eventuallyCount(() -> deliveriesOf(owner.orgId(), "membership.credits_low"), 2))
                .as("armed again by the top-up")
                .isEqualTo(2);
    }
}
