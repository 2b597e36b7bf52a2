package io.wellbase.scheduling.internal.classes;

import io.wellbase.memberships.Entitlements;
import io.wellbase.scheduling.internal.SchedulingSettings;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns confirmed bookings of sessions that have ended into no-shows; their credits are forfeited
 * (with the penalty) or given back, as the organization's rules say.
 */
@Component
class NoShows {

    private final JdbcClient jdbc;
    private final Entitlements entitlements;
    private final SchedulingSettings settings;

    NoShows(JdbcClient jdbc, Entitlements entitlements, SchedulingSettings settings) {
        this.jdbc = jdbc;
        this.entitlements = entitlements;
        this.settings = settings;
    }

    @Transactional
    int markEnded() {
        var missed = jdbc.sql("""
                UPDATE bookings b SET status = 'no_show'
                FROM class_sessions s
                WHERE s.org_id = b.org_id AND s.id = b.session_id AND b.status = 'confirmed'
                  AND s.status = :scheduled AND s.ends_at < now()
                RETURNING b.org_id, b.id
                """)
                .param("scheduled", SessionStatus.SCHEDULED.value())
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
        for (UUID[] b : missed) {
            SchedulingSettings.Rules rules = settings.rules(b[0]);
            if (rules.noShowForfeits()) {
                entitlements.forfeit(b[0], b[1], rules.penaltyCredits());
            } else {
                entitlements.release(b[0], b[1]);
            }
        }
        return missed.size();
    }
}
