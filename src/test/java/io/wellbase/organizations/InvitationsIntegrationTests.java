package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InvitationsIntegrationTests extends OrganizationTest {

    private Api.Response acceptAsNew(String token) {
        return api.post(
                "/api/v1/auth/invitations/accept",
                Map.of("token", token, "firstName", "New", "lastName", "Joiner", "password", PASSWORD),
                null);
    }

    @Test
    void aNewUserAcceptsAndJoinsWithTheInvitedRole() {
        Owner owner = ownerWithOrganization("Invite studio");
        String email = uniqueEmail("newbie");
        Api.Response invited =
                api.post("/api/v1/invitations", Map.of("email", email.toUpperCase(), "role", "manager"), owner.token());
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.field("email")).isEqualTo(email);
        assertThat(invited.field("status")).isEqualTo("pending");
        assertThat(invited.header("Location")).endsWith("/api/v1/invitations/" + invited.id());
        assertThat(invited.text()).doesNotContain("Token");

        String body = lastEmailBody(email, "invitation");
        assertThat(body).contains("Invite studio").contains("manager");
        String token = tokenIn(body);

        Api.Response accepted = acceptAsNew(token);
        assertThat(accepted.status()).isEqualTo(200);
        JsonNode claims = claims(accepted.field("accessToken"));
        assertThat(claims.path("org").asString()).isEqualTo(owner.orgId().toString());
        assertThat(claims.path("role").asString()).isEqualTo("manager");
        assertThat(api.get("/api/v1/locations", accepted.field("accessToken")).status())
                .isEqualTo(200);

        Api.Response members = api.get("/api/v1/members", owner.token());
        assertThat(members.json()
                        .path("data")
                        .valueStream()
                        .filter(m -> m.path("email").asString().equals(email))
                        .map(m -> m.path("role").asString()))
                .containsExactly("manager");
        Api.Response list = api.get("/api/v1/invitations", owner.token());
        assertThat(list.json().path("data").get(0).path("status").asString()).isEqualTo("accepted");

        Api.Response reused = acceptAsNew(token);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.field("code")).isEqualTo("invitation.invalid_token");
    }

    @Test
    void anExistingUserAcceptsWithTheirOwnAccountOnly() {
        Owner owner = ownerWithOrganization("Existing users");
        Account invitee = register("invitee");
        Account someoneElse = register("someone-else");
        String token = invite(owner.token(), invitee.email(), "front_desk");

        Api.Response wrong = api.post("/api/v1/invitations/accept", Map.of("token", token), someoneElse.accessToken());
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.field("code")).isEqualTo("invitation.wrong_account");

        Api.Response anonymous = api.post("/api/v1/invitations/accept", Map.of("token", token), null);
        assertThat(anonymous.status()).isEqualTo(401);

        Api.Response ok = api.post("/api/v1/invitations/accept", Map.of("token", token), invitee.accessToken());
        assertThat(ok.status()).isEqualTo(200);
        JsonNode claims = claims(ok.field("accessToken"));
        assertThat(claims.path("org").asString()).isEqualTo(owner.orgId().toString());
        assertThat(claims.path("role").asString()).isEqualTo("front_desk");
        assertThat(claims.path("sub").asString()).isEqualTo(invitee.userId().toString());

        Api.Response again = api.post("/api/v1/invitations/accept", Map.of("token", token), invitee.accessToken());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.field("code")).isEqualTo("invitation.invalid_token");
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        Owner owner = ownerWithOrganization("Revocations");
        String email = uniqueEmail("revoked");
        Api.Response invited = api.post("/api/v1/invitations", Map.of("email", email, "role", "staff"), owner.token());
        UUID id = invited.id();
        String token = tokenIn(lastEmailBody(email, "invitation"));

        assertThat(api.delete("/api/v1/invitations/" + id, owner.token()).status())
                .isEqualTo(204);
        Api.Response accept = acceptAsNew(token);
        assertThat(accept.status()).isEqualTo(400);
        assertThat(accept.field("code")).isEqualTo("invitation.invalid_token");
        Api.Response twice = api.delete("/api/v1/invitations/" + id, owner.token());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.field("code")).isEqualTo("invitation.not_pending");
        assertThat(api.get("/api/v1/invitations", owner.token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("revoked");
        assertThat(api.delete("/api/v1/invitations/" + UUID.randomUUID(), owner.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anExpiredInvitationCanBeNeitherAcceptedNorRevoked() {
        Owner owner = ownerWithOrganization("Expiries");
        String email = uniqueEmail("late");
        UUID id = api.post("/api/v1/invitations", Map.of("email", email, "role", "staff"), owner.token())
                .id();
        String token = tokenIn(lastEmailBody(email, "invitation"));
        jdbc.sql("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", id)
                .update();

        assertThat(api.get("/api/v1/invitations", owner.token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("expired");
        Api.Response accept = acceptAsNew(token);
        assertThat(accept.status()).isEqualTo(400);
        assertThat(accept.field("code")).isEqualTo("invitation.invalid_token");
        Api.Response revoke = api.delete("/api/v1/invitations/" + id, owner.token());
        assertThat(revoke.status()).isEqualTo(409);
        assertThat(revoke.field("code")).isEqualTo("invitation.not_pending");
        assertThat(revoke.field("detail")).isEqualTo("The invitation is already expired");
        assertThat(api.get("/api/v1/invitations", owner.token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("status")
                        .asString())
                .as("still expired, not revoked")
                .isEqualTo("expired");
    }

    @Test
    void invitingAnExistingMemberConflicts() {
        Owner owner = ownerWithOrganization("Already here");
        Member staff = memberWithRole(owner, "staff");
        Api.Response r =
                api.post("/api/v1/invitations", Map.of("email", staff.email(), "role", "admin"), owner.token());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.field("code")).isEqualTo("invitation.already_member");
        Api.Response self =
                api.post("/api/v1/invitations", Map.of("email", owner.email(), "role", "staff"), owner.token());
        assertThat(self.status()).isEqualTo(409);
    }

    @Test
    void badInvitationsAreRejected() {
        Owner owner = ownerWithOrganization("Bad invites");
        Api.Response client =
                api.post("/api/v1/invitations", Map.of("email", uniqueEmail("c"), "role", "client"), owner.token());
        assertThat(client.status()).isEqualTo(400);
        assertThat(invalidFields(client)).containsExactly("role");
        Api.Response email =
                api.post("/api/v1/invitations", Map.of("email", "not-an-email", "role", "staff"), owner.token());
        assertThat(email.status()).isEqualTo(400);
        assertThat(invalidFields(email)).containsExactly("email");
        assertThat(acceptAsNew("made-up-token").field("code")).isEqualTo("invitation.invalid_token");
    }
}
