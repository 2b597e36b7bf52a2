package io.wellbase.messaging.internal.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A counselor whose last socket closed is offline in the queue: no session is offered to, or waits for, them. */
@Component
public class CounselorPresence {

    private final JdbcClient jdbc;

    CounselorPresence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void wentOffline(UUID orgId, UUID userId) {
        jdbc.sql("""
                UPDATE counselor_profiles SET status = 'offline', updated_at = now()
                WHERE org_id = :org AND user_id = :user AND status <> 'offline'
                """).param("org", orgId).param("user", userId).update();
    }
}
