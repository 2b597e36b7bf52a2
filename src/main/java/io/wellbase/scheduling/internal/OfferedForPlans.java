package io.wellbase.scheduling.internal;

import io.wellbase.memberships.PlanScope;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells memberships which class types and services are this organization's.
 */
@Component
class OfferedForPlans implements PlanScope {

    private final JdbcClient jdbc;

    OfferedForPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> ownClassTypes(UUID organizationId, Collection<UUID> ids) {
        return own("class_types", organizationId, ids);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> ownServices(UUID organizationId, Collection<UUID> ids) {
        return own("services", organizationId, ids);
    }

    private Set<UUID> own(String table, UUID organizationId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM " + table + """
                 WHERE org_id = :org AND id IN (:ids) AND archived_at IS NULL
                """)
                .param("org", organizationId)
                .param("ids", ids)
                .query(UUID.class)
                .list());
    }
}
