package io.wellbase.clients.internal;

import io.wellbase.clients.ClientDirectory.Recipient;
import io.wellbase.platform.data.Rows;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Recipients for many clients in one query (notifications tell a batch of clients at once). */
@Component
class ClientSummaries {

    private final JdbcClient jdbc;

    ClientSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Recipient> recipients(UUID orgId, Collection<UUID> ids) {
        Map<UUID, Recipient> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT c.id, c.email, coalesce(c.mobile_phone, c.phone) AS phone, a.user_id FROM clients c
                        LEFT JOIN client_accounts a ON a.org_id = c.org_id AND a.client_id = c.id
                        WHERE c.org_id = :org AND c.id = ANY (CAST(:ids AS uuid[])) AND c.merged_into_id IS NULL AND c.erased_at IS NULL
                        """)
                .param("org", orgId)
                .param("ids", ids.stream().distinct().toArray(UUID[]::new))
                .query(Rows.of(Recipient.class))
                .list()
                .forEach(r -> found.put(r.id(), r));
        return found;
    }
}
