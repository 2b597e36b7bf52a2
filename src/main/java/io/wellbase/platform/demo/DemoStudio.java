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
}
