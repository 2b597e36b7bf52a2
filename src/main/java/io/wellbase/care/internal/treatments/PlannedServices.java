package io.wellbase.care.internal.treatments;

import io.wellbase.care.TreatmentServices;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The services of a client's active plans' pending milestones. */
@Component
class PlannedServices implements TreatmentServices {

    private final JdbcClient jdbc;

    PlannedServices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> plannedServices(UUID org, UUID client) {
        Map<UUID, String> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT m.service_id, p.name FROM treatment_plans p
                JOIN treatment_milestones m ON m.org_id = p.org_id AND m.plan_id = p.id
                WHERE p.org_id = :org AND m.org_id = :org AND p.client_id = :client AND p.status = 'active'
                  AND m.status = 'pending' AND m.service_id IS NOT NULL
                ORDER BY p.starts_on, m.position
                """)
                .param("org", org)
                .param("client", client)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
        return out;
    }
}
