package io.wellbase.clients.internal;

import io.wellbase.clients.ClientDirectory.ClientSummary;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Client summaries for many clients in one query (notifications tell a batch of clients at once). */
@Component
class ClientSummaries {

    private final JdbcClient jdbc;

    ClientSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, ClientSummary> findAll(UUID orgId, Collection<UUID> ids) {
        Map<UUID, ClientSummary> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(
                        "SELECT id, first_name, last_name, email, status FROM clients WHERE org_id = :org AND id = ANY (:ids) AND "
                                + ClientStore.ACTIVE)
                .param("org", orgId)
                .param("ids", ids.stream().distinct().toArray(UUID[]::new))
                .query(ClientSummary.class)
                .list()
                .forEach(c -> found.put(c.id(), c));
        return found;
    }
}
