package io.wellbase.notifications.internal;

import io.wellbase.platform.plans.Limit;
import io.wellbase.platform.plans.UsageMeter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SMS per month for the platform tiers: the organization's SMS deliveries queued since the month began. */
@Component
class SmsMeter implements UsageMeter {

    private final JdbcClient jdbc;

    SmsMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Limit limit() {
        return Limit.SMS_PER_MONTH;
    }

    @Override
    public long count(UUID organizationId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM notification_deliveries
                WHERE org_id = :org AND channel = 'sms' AND created_at >= :since
                """)
                .param("org", organizationId)
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }
}
