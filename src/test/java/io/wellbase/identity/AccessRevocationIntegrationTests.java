package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rights come from current state: an access token stops working within seconds of a sign-out, a
 * password reset, a replayed refresh token, or the end of the membership it was issued for.
 */
class AccessRevocationIntegrationTests extends OrganizationTest {

    private static final String ME = "/api/v1/auth/me";

    @Test
    void signingOutEndsTheAccessTokenAtOnce() {
        Account account = register("logout");
        assertThat(api.get(ME, account.accessToken()).status()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/auth/logout",
                                Map.of("refreshToken", account.refreshToken()),
                                account.accessToken())
                        .status())
                .isBetween(200, 204);
        Api.Response after = api.get(ME, account.accessToken());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void signingOutEverywhereEndsEverySession() {
        Account account = register("everywhere");
        Api.Response second =
                api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null);
        String otherDevice = second.field("accessToken");
        assertThat(api.post("/api/v1/auth/logout-all", Map.of(), account.accessToken())
                        .status())
                .isBetween(200, 204);
        assertThat(api.get(ME, account.accessToken()).status()).isEqualTo(401);
        assertThat(api.get(ME, otherDevice).status()).isEqualTo(401);
        Api.Response fresh =
                api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null);
        assertThat(api.get(ME, fresh.field("accessToken")).status())
                .as("a new sign-in works")
                .isEqualTo(200);
    }

    @Test
    void aPasswordResetEndsEverySession() {
        Account account = register("reset");
        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", account.email()), null)
                        .status())
                .isBetween(200, 204);
        String token = tokenIn(lastEmailBody(account.email(), "password_reset"));
        assertThat(api.post(
                                "/api/v1/auth/password-reset/confirm",
                                Map.of("token", token, "newPassword", "another-long-passphrase-42"),
                                null)
                        .status())
                .isBetween(200, 204);
        assertThat(api.get(ME, account.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void aReplayedRefreshTokenEndsTheSessionsAccessTokens() {
        Account account = register("replay");
        Api.Response rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", account.refreshToken()), null);
        assertThat(rotated.status()).isEqualTo(200);
        String current = rotated.field("accessToken");
        assertThat(api.get(ME, current).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", account.refreshToken()), null)
                        .status())
                .as("the spent token is replayed")
                .isEqualTo(401);
        assertThat(api.get(ME, current).status()).isEqualTo(401);
    }

    @Test
    void aRemovedAdminLosesTheirRightsAtOnceWithTheOldToken() {
        Owner owner = ownerWithOrganization("Revocation studio");
        Member admin = memberWithRole(owner, "admin");
        assertThat(api.get("/api/v1/members", admin.token()).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/members/" + admin.userId(), owner.token())
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/members", admin.token()).status()).isEqualTo(403);
        Api.Response invite = api.post(
                "/api/v1/invitations", Map.of("email", uniqueEmail("accomplice"), "role", "admin"), admin.token());
        assertThat(invite.status()).as(invite.toString()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM invitations WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Integer.class)
                        .single())
                .as("only the admin's own invitation")
                .isEqualTo(1);
    }

    @Test
    void aDemotedMemberGetsTheNewRoleWithTheOldToken() {
        Owner owner = ownerWithOrganization("Demotion studio");
        Member admin = memberWithRole(owner, "admin");
        assertThat(api.patch("/api/v1/members/" + admin.userId(), Map.of("role", "front_desk"), owner.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/invitations", Map.of("email", uniqueEmail("x"), "role", "staff"), admin.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get(ME, admin.token()).field("role")).isEqualTo("front_desk");
    }

    @Test
    void aChangeMadeByAnotherNodeReachesThisOneWithinSeconds() throws InterruptedException {
        Owner owner = ownerWithOrganization("Other node studio");
        Member staff = memberWithRole(owner, "manager");
        assertThat(api.get("/api/v1/members", staff.token()).status()).isEqualTo(200);
        // as another node would: the row goes, and nothing on this node is told
        jdbc.sql("DELETE FROM org_members WHERE org_id = :org AND user_id = :user")
                .param("org", owner.orgId())
                .param("user", staff.userId())
                .update();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(6));
        int status = 200;
        while (Instant.now().isBefore(deadline) && status == 200) {
            status = api.get("/api/v1/members", staff.token()).status();
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo(403);
    }

    @Test
    void anOwnerOfTwoOrganizationsSignsBackIntoTheLastOneUsed() {
        Account account = register("two-orgs");
        UUID second = null;
        for (String name : new String[] {"First org", "Second org"}) {
            second = api.post(
                            "/api/v1/organizations",
                            Map.of("name", name, "timezone", "Europe/Berlin", "currency", "EUR", "country", "DE"),
                            account.accessToken())
                    .id();
        }
        Api.Response before =
                api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null);
        assertThat(before.field("user.organizationId"))
                .as("two organizations, none used yet")
                .isNull();
        api.post("/api/v1/auth/switch-organization", Map.of("organizationId", second), account.accessToken());
        Api.Response login =
                api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null);
        assertThat(login.field("user.organizationId")).isEqualTo(second.toString());
        assertThat(api.get("/api/v1/locations", login.field("accessToken")).status())
                .isEqualTo(200);
    }
}
