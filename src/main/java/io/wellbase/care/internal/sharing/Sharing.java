package io.wellbase.care.internal.sharing;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which care categories a client shares with the organization's staff (none until they say so). */
@Component
public class Sharing {

    private final JdbcClient jdbc;

    Sharing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<CareCategory, Boolean> of(UUID org, UUID client) {
        Map<CareCategory, Boolean> shared = new EnumMap<>(CareCategory.class);
        for (CareCategory c : CareCategory.values()) {
            shared.put(c, false);
        }
        jdbc.sql("SELECT category, shared FROM care_sharing WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                .list()
                .forEach(e -> CareCategory.of(e.getKey()).ifPresent(c -> shared.put(c, e.getValue())));
        return shared;
    }

    public boolean shares(UUID org, UUID client, CareCategory category) {
        return jdbc.sql("""
                SELECT shared FROM care_sharing WHERE org_id = :org AND client_id = :client AND category = :category
                """)
                .param("org", org)
                .param("client", client)
                .param("category", category.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Forgets the client's choices (their data is gone, or merged into a record whose own choices stand). */
    public int forget(UUID org, UUID client) {
        return jdbc.sql("DELETE FROM care_sharing WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .update();
    }

    void set(UUID org, UUID client, CareCategory category, boolean shared) {
        jdbc.sql("""
                INSERT INTO care_sharing (org_id, client_id, category, shared) VALUES (:org, :client, :category, :shared)
                ON CONFLICT (org_id, client_id, category) DO UPDATE SET shared = EXCLUDED.shared, updated_at = now()
                """)
                .param("org", org)
                .param("client", client)
                .param("category", category.value())
                .param("shared", shared)
                .update();
    }
}
