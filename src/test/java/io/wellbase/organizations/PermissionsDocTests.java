package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/permissions.md} equal to the {@link Permission} enum: when they differ, the file
 * is regenerated and the test fails, so the change shows up in review and gets committed.
 */
class PermissionsDocTests {

    static final Path DOC = Path.of("docs", "permissions.md");
    static final List<Role> STAFF_ROLES = List.of(Role.OWNER, Role.ADMIN, Role.MANAGER, Role.STAFF, Role.FRONT_DESK);

    static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Permissions\n\n");
        md.append("What each staff role may do inside its organization. This file is generated from\n");
        md.append("`io.wellbase.platform.security.Permission` by `PermissionsDocTests`; do not edit it by hand,\n");
        md.append("change the enum and run the test. The `client` role (a business's own customer) has none of\n");
        md.append("these permissions.\n\n");
        md.append("| Permission | Description | ")
                .append(STAFF_ROLES.stream().map(Role::value).collect(Collectors.joining(" | ")))
                .append(" |\n");
        md.append("|---|---|").append("---|".repeat(STAFF_ROLES.size())).append('\n');
        for (Permission permission : Permission.values()) {
            md.append("| `").append(permission.name().toLowerCase(Locale.ROOT)).append("` | ")
                    .append(permission.description().replace("|", "\\|")).append(" | ")
                    .append(STAFF_ROLES.stream().map(r -> permission.grantedTo(r) ? "✓" : "—")
                            .collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        return md.toString();
    }

    @Test
    void docsMatchThePermissionEnum() throws IOException {
        String expected = render();
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : null;
        if (!expected.equals(actual)) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            fail(DOC + " was out of date with io.wellbase.platform.security.Permission; regenerated it. "
                    + "Review and commit the file, then run the test again.");
        }
    }

    @Test
    void everyPermissionIsARowWithACellPerStaffRole() {
        String[] rows = render().lines().filter(l -> l.startsWith("| `")).toArray(String[]::new);
        assertThat(rows).hasSize(Permission.values().length);
        for (String row : rows) {
            assertThat(row.chars().filter(c -> c == '✓' || c == '—').count()).isEqualTo(STAFF_ROLES.size());
        }
        assertThat(render()).contains("| `audit_read` | Read and export the audit trail | ✓ | ✓ | — | — | — |");
    }
}
