package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MembersIntegrationTests extends OrganizationTest {

    private List<String> emails(Api.Response r) {
        return r.json()
                .path("data")
                .valueStream()
                .map(m -> m.path("email").asString())
                .toList();
    }

    @Test
    void listFiltersByRole() {
        Owner owner = ownerWithOrganization("Members");
        Member admin = memberWithRole(owner, "admin");
        Member staff = memberWithRole(owner, "staff");

        Api.Response all = api.get("/api/v1/members", owner.token());
        assertThat(all.status()).isEqualTo(200);
        assertThat(emails(all)).containsExactlyInAnyOrder(owner.email(), admin.email(), staff.email());
        assertThat(all.field("pagination.total")).isEqualTo("3");

        Api.Response staffOnly = api.get("/api/v1/members?role=staff", staff.token());
        assertThat(staffOnly.status()).isEqualTo(200);
        assertThat(emails(staffOnly)).containsExactly(staff.email());
        assertThat(staffOnly.json().path("data").get(0).path("role").asString()).isEqualTo("staff");
        assertThat(api.get("/api/v1/members?role=wizard", owner.token()).status())
                .isEqualTo(400);
    }

    @Test
    void changeRoleAndRemove() {
        Owner owner = ownerWithOrganization("Roles");
        Member member = memberWithRole(owner, "staff");
        Api.Response changed =
                api.patch("/api/v1/members/" + member.userId(), Map.of("role", "manager"), owner.token());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.field("role")).isEqualTo("manager");
        assertThat(emails(api.get("/api/v1/members?role=manager", owner.token())))
                .containsExactly(member.email());
        assertThat(api.patch("/api/v1/members/" + member.userId(), Map.of("role", "client"), owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.patch("/api/v1/members/" + member.userId(), Map.of("role", "emperor"), owner.token())
                        .status())
                .isEqualTo(400);

        assertThat(api.delete("/api/v1/members/" + member.userId(), owner.token())
                        .status())
                .isEqualTo(204);
        assertThat(emails(api.get("/api/v1/members", owner.token()))).containsExactly(owner.email());
        assertThat(api.delete("/api/v1/members/" + member.userId(), owner.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyOwnersGrantOrTakeTheOwnerRole() {
        Owner owner = ownerWithOrganization("Owner only");
        Member admin = memberWithRole(owner, "admin");
        Member staff = memberWithRole(owner, "staff");

        Api.Response grant = api.patch("/api/v1/members/" + staff.userId(), Map.of("role", "owner"), admin.token());
        assertThat(grant.status()).isEqualTo(403);
        assertThat(grant.field("code")).isEqualTo("organization.owner_only");
        Api.Response take = api.patch("/api/v1/members/" + owner.userId(), Map.of("role", "staff"), admin.token());
        assertThat(take.status()).isEqualTo(403);
        assertThat(take.field("code")).isEqualTo("organization.owner_only");
        Api.Response remove = api.delete("/api/v1/members/" + owner.userId(), admin.token());
        assertThat(remove.status()).isEqualTo(403);
        assertThat(remove.field("code")).isEqualTo("organization.owner_only");

        assertThat(api.patch("/api/v1/members/" + staff.userId(), Map.of("role", "front_desk"), admin.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("/api/v1/members/" + staff.userId(), Map.of("role", "owner"), owner.token())
                        .field("role"))
                .isEqualTo("owner");
        Api.Response inviteOwner = api.post(
                "/api/v1/invitations", Map.of("email", uniqueEmail("would-be-owner"), "role", "owner"), admin.token());
        assertThat(inviteOwner.status()).isEqualTo(403);
        assertThat(inviteOwner.field("code")).isEqualTo("organization.owner_only");
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemoved() {
        Owner owner = ownerWithOrganization("Last owner");
        Api.Response demote = api.patch("/api/v1/members/" + owner.userId(), Map.of("role", "admin"), owner.token());
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.field("code")).isEqualTo("organization.last_owner");
        Api.Response remove = api.delete("/api/v1/members/" + owner.userId(), owner.token());
        assertThat(remove.status()).isEqualTo(409);
        assertThat(remove.field("code")).isEqualTo("organization.last_owner");

        Member second = memberWithRole(owner, "owner");
        assertThat(api.patch("/api/v1/members/" + owner.userId(), Map.of("role", "admin"), second.token())
                        .status())
                .isEqualTo(200);
        Api.Response lastAgain = api.delete("/api/v1/members/" + second.userId(), second.token());
        assertThat(lastAgain.status()).isEqualTo(409);
        assertThat(lastAgain.field("code")).isEqualTo("organization.last_owner");
    }
}
