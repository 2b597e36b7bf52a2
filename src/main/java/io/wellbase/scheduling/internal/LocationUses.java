package io.wellbase.scheduling.internal;

import io.wellbase.organizations.LocationUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Schedules that have not ended and services not archived keep their location in use.
 */
@Component
class LocationUses implements LocationUsage {

    private final JdbcClient jdbc;

    LocationUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> liveUses(UUID organizationId, UUID locationId) {
        long schedules = jdbc.sql("""
                SELECT count(*) FROM class_schedules
                WHERE org_id = :org AND location_id = :location AND archived_at IS NULL
                  AND (last_date IS NULL OR last_date >= (now() AT TIME ZONE timezone)::date)
                """)
                .param("org", organizationId)
                .param("location", locationId)
                .query(Long.class)
                .single();
        long services = jdbc.sql("""
                SELECT count(*) FROM services
                WHERE org_id = :org AND :location = ANY (location_ids) AND archived_at IS NULL
                """)
                .param("org", organizationId)
                .param("location", locationId)
                .query(Long.class)
                .single();
        List<String> uses = new ArrayList<>();
        if (schedules > 0) {
            uses.add(schedules + (schedules == 1 ? " schedule" : " schedules"));
        }
        if (services > 0) {
            uses.add(services + (services == 1 ? " service" : " services"));
        }
        return uses;
    }
}
