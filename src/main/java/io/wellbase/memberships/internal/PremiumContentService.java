package io.wellbase.memberships.internal;

import io.wellbase.memberships.PremiumContent;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link PremiumContent} from the client's memberships and their plans. */
@Component
class PremiumContentService implements PremiumContent {

    private final JdbcClient jdbc;

    PremiumContentService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean includes(UUID organizationId, UUID clientId, LocalDate day) {
        return jdbc.sql("""
                SELECT EXISTS (
                    SELECT 1 FROM client_memberships m
                    JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
                    WHERE m.org_id = :org AND m.client_id = :client AND m.status = 'active'
                      AND m.starts_on <= :day AND m.ends_on >= :day AND p.premium_content)
                """)
                .param("org", organizationId)
                .param("client", clientId)
                .param("day", day)
                .query(Boolean.class)
                .single();
    }
}
