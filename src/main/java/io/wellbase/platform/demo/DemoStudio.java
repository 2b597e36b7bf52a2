package io.wellbase.platform.demo;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo organization every module's demo data belongs to: created by the organizations module,
 * which also answers where it is (this interface is implemented there; the platform knows no tables).
 */
public interface DemoStudio {

    String NAME = "Lotus & Oak Studio";

    /** The demo studio and its first owner, once the organizations module has created it. */
    Optional<Studio> find();

    /** The demo studio's id and the owner who signs its demo data. */
    record Studio(UUID id, UUID ownerId) {}

    /**
     * The demo studio when it exists and {@code table} (one of the caller's own, a constant) holds none
     * of its rows yet: the one check that makes each module's demo data run once.
     */
    default Optional<Studio> withoutRowsIn(JdbcClient jdbc, String table) {
        return find().filter(studio -> !jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE org_id = :org)")
                .param("org", studio.id())
                .query(Boolean.class)
                .single());
    }
}
