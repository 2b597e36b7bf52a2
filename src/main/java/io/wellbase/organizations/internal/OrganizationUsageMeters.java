package io.wellbase.organizations.internal;

import io.wellbase.platform.plans.Limit;
import io.wellbase.platform.plans.UsageMeter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What organizations counts for the platform tiers: staff seats (members and open invitations) and locations. */
@Configuration(proxyBeanMethods = false)
class OrganizationUsageMeters {

    @Bean
    UsageMeter staffSeatsMeter(JdbcClient jdbc) {
        return meter(Limit.STAFF_SEATS, jdbc, """
                SELECT (SELECT count(*) FROM org_members WHERE org_id = :org)
                     + (SELECT count(*) FROM invitations WHERE org_id = :org AND accepted_at IS NULL
                          AND revoked_at IS NULL AND expires_at > now())
                """);
    }

    @Bean
    UsageMeter locationsMeter(JdbcClient jdbc) {
        return meter(
                Limit.LOCATIONS, jdbc, "SELECT count(*) FROM locations WHERE org_id = :org AND archived_at IS NULL");
    }

    private static UsageMeter meter(Limit limit, JdbcClient jdbc, String sql) {
        return new UsageMeter() {
            @Override
            public Limit limit() {
                return limit;
            }

            @Override
            public long count(UUID organizationId, Instant since) {
                return jdbc.sql(sql)
                        .param("org", organizationId)
                        .query(Long.class)
                        .single();
            }
        };
    }
}
