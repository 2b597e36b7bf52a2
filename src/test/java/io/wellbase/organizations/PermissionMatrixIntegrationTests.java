package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every permission against every staff role, through real tokens: a representative endpoint per
 * permission answers 2xx when {@link Permission#grantedTo} says so and 403 otherwise.
 */
class PermissionMatrixIntegrationTests extends OrganizationTest {

    static final List<Role> STAFF_ROLES = List.of(Role.OWNER, Role.ADMIN, Role.MANAGER, Role.STAFF, Role.FRONT_DESK);

    /** The organization the probes run in. */
    record Fixture(Owner owner, UUID locationId, UUID manageableMember) {
    }

    /** One request that needs exactly its permission. */
    interface Probe {
        Api.Response call(Fixture fixture, String token);
    }

    private Map<Permission, Probe> probes() {
        Map<Permission, Probe> probes = new EnumMap<>(Permission.class);
        probes.put(Permission.ORGANIZATION_READ, (f, t) -> api.get("/api/v1/organizations/" + f.owner().orgId(), t));
        probes.put(Permission.ORGANIZATION_UPDATE, (f, t) -> api.patch("/api/v1/organizations/" + f.owner().orgId(),
                Map.of("name", "Matrix"), t));
        probes.put(Permission.LOCATION_READ, (f, t) -> api.get("/api/v1/locations/" + f.locationId(), t));
        probes.put(Permission.LOCATION_WRITE, (f, t) -> api.post("/api/v1/locations/" + f.locationId() + "/rooms",
                room("Probe room", 3), t));
        probes.put(Permission.MEMBER_READ, (f, t) -> api.get("/api/v1/members", t));
        probes.put(Permission.MEMBER_INVITE, (f, t) -> api.post("/api/v1/invitations",
                Map.of("email", uniqueEmail("probe"), "role", "staff"), t));
        probes.put(Permission.MEMBER_MANAGE, (f, t) -> api.patch("/api/v1/members/" + f.manageableMember(),
                Map.of("role", "staff"), t));
        probes.put(Permission.AUDIT_READ, (f, t) -> api.get("/api/v1/audit-logs?page_size=1", t));
        return probes;
    }

    @Test
    void everyPermissionHasAProbe() {
        assertThat(probes().keySet())
                .as("add a probe for each new Permission to PermissionMatrixIntegrationTests")
                .containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void eachRoleGetsExactlyItsPermissions() {
        Owner owner = ownerWithOrganization("Matrix");
        UUID location = createLocation(owner.token(), "Matrix place", List.of());
        Member target = memberWithRole(owner, "staff");
        Fixture fixture = new Fixture(owner, location, target.userId());
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        tokens.put(Role.OWNER, owner.token());
        STAFF_ROLES.stream().filter(r -> r != Role.OWNER)
                .forEach(r -> tokens.put(r, memberWithRole(owner, r.value()).token()));
        tokens.forEach((role, token) -> assertThat(claims(token).path("role").asString()).isEqualTo(role.value()));

        SoftAssertions soft = new SoftAssertions();
        Map<Permission, Probe> probes = probes();
        for (Permission permission : Permission.values()) {
            for (Role role : STAFF_ROLES) {
                Api.Response r = probes.get(permission).call(fixture, tokens.get(role));
                String what = permission + " as " + role.value() + ": " + r;
                if (permission.grantedTo(role)) {
                    soft.assertThat(r.status()).as(what).isBetween(200, 299);
                } else {
                    soft.assertThat(r.status()).as(what).isEqualTo(403);
                    soft.assertThat(r.field("code")).as(what).isEqualTo("auth.forbidden");
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void clientHasNoStaffPermission() {
        assertThat(Arrays.stream(Permission.values()).filter(p -> p.grantedTo(Role.CLIENT))).isEmpty();
        assertThat(Arrays.stream(Permission.values()).filter(p -> p.grantedTo(null))).isEmpty();
        assertThat(Arrays.stream(Permission.values()).allMatch(p -> p.grantedTo(Role.OWNER))).isTrue();
    }
}
