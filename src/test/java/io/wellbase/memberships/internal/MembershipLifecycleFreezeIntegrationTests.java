package io.wellbase.memberships.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lifecycle run changes only what today changes: a membership frozen without a freeze period (an
 * imported "Suspended" one) stays frozen, a freeze period that starts today freezes, and memberships
 * with nothing to change keep their updated_at.
 */
class MembershipLifecycleFreezeIntegrationTests extends IntegrationTest {

    @Autowired
    MembershipLifecycle lifecycle;

    @Test
    void onlyWhatTodayChangesIsWritten() {
        Owner owner = ownerWithOrganization("Freeze lifecycle");
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Unlimited",
                                "kind",
                                "unlimited",
                                "price",
                                Map.of("amount", 9000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                3),
                        owner.token())
                .id();
        UUID suspended = sell(owner, plan);
        UUID plain = sell(owner, plan);
        UUID freezing = sell(owner, plan);
        jdbc.sql("UPDATE client_memberships SET status = 'frozen' WHERE id = :id")
                .param("id", suspended)
                .update();
        LocalDate today = LocalDate.now();
        assertThat(api.post(
                                "/api/v1/memberships/" + freezing + "/freezes",
                                Map.of(
                                        "startsOn",
                                        today.plusDays(1).toString(),
                                        "endsOn",
                                        today.plusDays(7).toString()),
                                owner.token())
                        .status())
                .isBetween(200, 201);
        jdbc.sql("UPDATE client_memberships SET updated_at = now() - interval '1 day' WHERE org_id = :org")
                .param("org", owner.orgId())
                .update();
        OffsetDateTime before = updatedAt(plain);

        lifecycle.runFor(today);
        assertThat(status(suspended)).as("no freeze period: stays frozen").isEqualTo("frozen");
        assertThat(status(freezing)).isEqualTo("active");
        assertThat(updatedAt(plain)).as("nothing changed, nothing written").isEqualTo(before);
        assertThat(updatedAt(suspended)).isEqualTo(before);

        lifecycle.runFor(today.plusDays(1));
        assertThat(status(freezing)).as("its freeze period began").isEqualTo("frozen");
        lifecycle.runFor(today.plusDays(8));
        assertThat(status(freezing)).as("and ended").isEqualTo("active");
        assertThat(status(suspended)).isEqualTo("frozen");
    }

    private UUID sell(Owner owner, UUID plan) {
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "F", "lastName", "Z"), owner.token())
                .id();
        return api.post(
                        "/api/v1/clients/" + client + "/memberships",
                        Map.of("planId", plan, "paymentMethod", "cash"),
                        owner.token())
                .id();
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM client_memberships WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private OffsetDateTime updatedAt(UUID id) {
        return jdbc.sql("SELECT updated_at FROM client_memberships WHERE id = :id")
                .param("id", id)
                .query(OffsetDateTime.class)
                .single();
    }
}
