package io.wellbase.clients.internal;

import io.wellbase.platform.plans.Limit;
import io.wellbase.platform.plans.UsageMeter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Active clients for the platform tiers: records with status active that are neither merged away nor erased. */
@Component
class ActiveClientsMeter implements UsageMeter {

    private final JdbcClient jdbc;

    ActiveClientsMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Limit limit() {
        return Limit.ACTIVE_CLIENTS;
    }

    @Override
    public long count(UUID organizationId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM clients
                WHERE org_id = :org AND status = 'active' AND merged_into_id IS NULL AND erased_at IS NULL
                """).param("org", organizationId).query(Long.class).single();
    }
}
