package io.wellbase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/permissions.md is generated from {@link Permission}: this test rewrites it when the matrix
 * changed and fails, so a change to the code cannot leave the documentation behind.
 */
class PermissionsDocTests {

    private static final List<Role> STAFF_ROLES =
            List.of(Role.OWNER, Role.ADMIN, Role.MANAGER, Role.STAFF, Role.FRONT_DESK);

    static String render() {
        StringBuilder md = new StringBuilder("""
                # Permissions

                What each role may do inside its organization. This table is generated from
                `io.wellbase.platform.security.Permission` by `PermissionsDocTests`; edit the enum, run the
                tests, and commit the regenerated file.

                The `client` role (a business's own customer, signed in to the client portal) has none of
                these permissions: clients reach only the portal endpoints (`/api/v1/portal/*`: their
                profile, memberships, purchases and files, where they upload an avatar or a document for
                themselves), book and cancel their own bookings and appointments, and see their own visits.
                Another client's record answers 404. Only owners grant or take the owner role, and an
                organization always keeps at least one owner.

                """);
        md.append("| permission | what it allows |");
        STAFF_ROLES.forEach(r -> md.append(' ').append(r.value()).append(" |"));
        md.append("\n|---|---|");
        STAFF_ROLES.forEach(r -> md.append(":---:|"));
        md.append('\n');
        for (Permission p : Permission.values()) {
            md.append("| `")
                    .append(p.name().toLowerCase())
                    .append("` | ")
                    .append(p.description())
                    .append(" |");
            STAFF_ROLES.forEach(r -> md.append(p.grantedTo(r) ? " ✓ |" : " — |"));
            md.append('\n');
        }
        return md.toString();
    }

    @Test
    void docsPermissionsMatchesTheCode() throws IOException {
        Path file = Path.of("docs/permissions.md");
        String expected = render();
        String actual = Files.exists(file) ? Files.readString(file) : "";
        if (!actual.equals(expected)) {
            Files.writeString(file, expected);
        }
        assertThat(actual)
                .as("docs/permissions.md was out of date and has been regenerated; commit it")
                .isEqualTo(expected);
    }

    @Test
    void ownersHoldEveryPermissionAndClientsNone() {
        for (Permission p : Permission.values()) {
            assertThat(p.grantedTo(Role.OWNER)).as(p.name()).isTrue();
            assertThat(p.grantedTo(Role.CLIENT)).as(p.name()).isFalse();
            assertThat(p.grantedTo(null)).isFalse();
        }
    }
}
