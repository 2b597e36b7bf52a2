package io.wellbase.platform.data;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's part in removing an organization for good (organizations' deletion, after its grace period). Each
 * module declares one bean of a subclass in its own packages, so a module's tables are only ever written by that
 * module: the remover asks each part to delete the organization's rows of one of its tables ({@link OwnsTables}
 * with an {@code org_id} column), table by table in the order the foreign keys require, all in one transaction.
 * A part overrides {@link #removeOutside} for what its rows point to outside the database (stored bytes), which
 * the remover calls first, outside that transaction; it must be safe to repeat.
 */
public abstract class OrganizationRows {

    private final JdbcClient jdbc;
    private final String module;
    private final Set<String> tables;

    protected OrganizationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        String[] parts = getClass().getPackageName().split("\\.");
        this.module = parts[2];
        OwnsTables owned = ownedTables("io.wellbase." + module);
        this.tables = owned == null ? Set.of() : Set.of(owned.value());
    }

    /** The module's name, as in {@code io.wellbase.<module>}. */
    public final String module() {
        return module;
    }

    /** The tables the module owns, whether or not they hold rows of an organization. */
    public final Set<String> tables() {
        return tables;
    }

    /** Removes what the organization's rows point to outside the database; repeated after a crash. */
    public void removeOutside(UUID organizationId) {}

    /** Deletes the organization's rows of one of this module's tables; answers how many went. */
    public long delete(String table, UUID organizationId) {
        if (!tables.contains(table)) {
            throw new IllegalArgumentException(module + " does not own " + table);
        }
        return jdbc.sql("DELETE FROM " + table + " WHERE org_id = :org")
                .param("org", organizationId)
                .update();
    }

    private static @Nullable OwnsTables ownedTables(String modulePackage) {
        try {
            return Class.forName(modulePackage + ".package-info").getAnnotation(OwnsTables.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
