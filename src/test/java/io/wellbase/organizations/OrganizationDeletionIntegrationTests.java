package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scheduling and restoring an organization's deletion through the API: owners only, the name typed exactly,
 * staff, clients and API keys shut out while it is scheduled (owners keep access to export and restore), and
 * everyone back after a restore. The removal itself is tested in TenantIsolationIntegrationTests.
 */
class OrganizationDeletionIntegrationTests extends OrganizationTest {

    @Test
    void onlyAnOwnerWithTheNameTypedSchedulesIt() {
        Owner owner = ownerWithOrganization("Lotus Deletion Studio");
        Member admin = memberWithRole(owner, "admin");
        String path = "/api/v1/organizations/" + owner.orgId() + "/deletion";

        assertThat(api.get(path, admin.token()).status()).isEqualTo(403);
        assertThat(api.post(path, Map.of("confirmation", "Lotus Deletion Studio"), admin.token())
                        .status())
                .isEqualTo(403);
        Api.Response wrong = api.post(path, Map.of("confirmation", "lotus deletion studio"), owner.token());
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.field("code")).isEqualTo("organization.confirmation_mismatch");
        assertThat(api.post(path, Map.of(), owner.token()).status()).isEqualTo(400);
        assertThat(api.get(path, owner.token()).field("status")).isEqualTo("none");
        Owner stranger = ownerWithOrganization("Elsewhere");
        assertThat(api.get("/api/v1/organizations/" + stranger.orgId() + "/deletion", owner.token())
                        .status())
                .isEqualTo(404);

        Api.Response scheduled = api.post(path, Map.of("confirmation", " Lotus Deletion Studio "), owner.token());
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(202);
        assertThat(scheduled.field("status")).isEqualTo("scheduled");
        assertThat(scheduled.json().path("graceDays").asLong()).isEqualTo(30);
        OffsetDateTime due = OffsetDateTime.parse(scheduled.field("dueAt"));
        assertThat(due)
                .isBetween(
                        OffsetDateTime.now().plusDays(29), OffsetDateTime.now().plusDays(31));
        assertThat(scheduled.field("requestedBy")).isEqualTo(owner.userId().toString());
        assertThat(scheduled.json().path("exports")).hasSize(7);
        Api.Response again = api.post(path, Map.of("confirmation", "Lotus Deletion Studio"), owner.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("organization.deletion_scheduled");
        assertThat(api.get("/api/v1/organizations/" + owner.orgId(), owner.token())
                        .field("deletionDueAt"))
                .isNotBlank();
        assertThat(audited(owner.orgId(), "organization.deletion_scheduled")).isEqualTo(1);
    }

    @Test
    void whileScheduledOnlyOwnersGetInAndARestoreLetsEveryoneBack() throws Exception {
        Owner owner = ownerWithOrganization("Restorable Studio");
        Member staff = memberWithRole(owner, "manager");
        UUID client = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Pia", "lastName", "Portal", "email", "pia-" + owner.orgId() + "@x.test"),
                        owner.token())
                .id();
        String portal = portalToken(owner, client, "pia-" + owner.orgId() + "@x.test");
        String key = api.post(
                        "/api/v1/api-keys", Map.of("name", "sync", "scopes", List.of("client_read")), owner.token())
                .field("key");
        assertThat(apiKeyStatus(key)).isEqualTo(200);
        String path = "/api/v1/organizations/" + owner.orgId() + "/deletion";

        assertThat(api.post(path, Map.of("confirmation", "Restorable Studio"), owner.token())
                        .status())
                .isEqualTo(202);
        assertThat(statusWithin(staff.token(), "/api/v1/clients", s -> s == 401 || s == 403))
                .isIn(401, 403);
        assertThat(statusWithin(portal, "/api/v1/portal/files", s -> s == 401 || s == 403))
                .isIn(401, 403);
        assertThat(apiKeyStatus(key)).isEqualTo(401);
        assertThat(api.get("/api/v1/clients", owner.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/exports?type=clients&format=csv", owner.token())
                        .status())
                .isEqualTo(200);

        Api.Response restored = api.delete(path, owner.token());
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.field("status")).isEqualTo("none");
        assertThat(statusWithin(staff.token(), "/api/v1/clients", s -> s == 200))
                .isEqualTo(200);
        assertThat(statusWithin(portal, "/api/v1/portal/files", s -> s == 200)).isEqualTo(200);
        assertThat(apiKeyStatus(key)).isEqualTo(200);
        Api.Response none = api.delete(path, owner.token());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.field("code")).isEqualTo("organization.deletion_not_scheduled");
        assertThat(audited(owner.orgId(), "organization.deletion_cancelled")).isEqualTo(1);
    }

    @Test
    void aDeletionThatIsDueCanNoLongerBeRestored() {
        Owner owner = ownerWithOrganization("Too Late Studio");
        String path = "/api/v1/organizations/" + owner.orgId() + "/deletion";
        api.post(path, Map.of("confirmation", "Too Late Studio"), owner.token());
        // what the removal job would take next (it runs every 15 minutes; not before this test's end here)
        jdbc.sql("UPDATE organizations SET deletion_due_at = now() - interval '1 second' WHERE id = :o")
                .param("o", owner.orgId())
                .update();
        Api.Response late = api.delete(path, owner.token());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.field("code")).isEqualTo("organization.deletion_due");
    }

    private long audited(UUID org, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :o AND action = :a")
                .param("o", org)
                .param("a", action)
                .query(Long.class)
                .single();
    }

    private int apiKeyStatus(String key) {
        return api.send("GET", "/api/v1/clients", null, null, Map.of("X-Api-Key", key))
                .status();
    }

    private int statusWithin(String token, String path, java.util.function.IntPredicate wanted) throws Exception {
        int status = api.get(path, token).status();
        for (int i = 0; i < 100 && !wanted.test(status); i++) {
            Thread.sleep(100);
            status = api.get(path, token).status();
        }
        return status;
    }
}
