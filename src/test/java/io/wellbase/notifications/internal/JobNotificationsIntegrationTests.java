package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An import that a staff member started tells them when it ends, in the app and by email. */
class JobNotificationsIntegrationTests extends IntegrationTest {

    @Test
    void anImportTellsTheStaffMemberWhoStartedItWhenItEnds() throws Exception {
        Owner owner = ownerWithOrganization("Job Done");
        jdbc.sql("UPDATE users SET email_verified_at = now() WHERE id = :id")
                .param("id", owner.userId())
                .update();
        String csv = "First Name,Last Name,Email\nAda,Lovelace," + uniqueEmail("ada") + "\n";
        Api.Response upload = api.upload(
                "/api/v1/imports",
                Map.of("kind", "clients"),
                "clients.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                owner.token());
        assertThat(upload.status()).as(upload.toString()).isBetween(200, 202);

        assertThat(eventuallyCount(() -> deliveriesOf(owner.orgId(), "job.completed"), 1))
                .isEqualTo(1);
        Api.Response inbox = api.get("/api/v1/notifications?category=jobs", owner.token());
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json().path("data").get(0).path("title").asString()).isEqualTo("Ready: your import (clients)");
        assertThat(jdbc.sql(
                                "SELECT recipient FROM notification_deliveries WHERE org_id = :org AND type = 'job.completed'")
                        .param("org", owner.orgId())
                        .query(String.class)
                        .single())
                .isEqualTo(owner.email());
    }
}
