package io.wellbase.platform.demo;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo organization every module's demo data belongs to: created by the organizations module,
 * found by the others by its name.
 */
public final class DemoStudio {

    public static final String NAME = "Lotus & Oak Studio";

    private DemoStudio() {
    }

    /** The demo studio's id, once the organizations module has created it. */
    public static Optional<UUID> find(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM organizations WHERE name = :name ORDER BY created_at, id LIMIT 1")
                .param("name", NAME).query(UUID.class).optional();
    }

    /**
     * The demo studio's id when it exists and {@code table} holds none of its rows yet: the one
     * check that makes each module's demo data run once. {@code table} is a constant of the caller.
     */
    public static Optional<UUID> withoutRowsIn(JdbcClient jdbc, String table) {
        return find(jdbc).filter(orgId -> !jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE org_id = :org)")
                .param("org", orgId).query(Boolean.class).single());
    }
}
