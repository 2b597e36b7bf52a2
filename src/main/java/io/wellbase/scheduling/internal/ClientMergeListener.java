package io.wellbase.scheduling.internal;

import io.wellbase.clients.ClientsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Moves a merged client's bookings, visits and appointments to the surviving record, in the
 * merge's own transaction. Where both were booked into the same session, the merged one's active
 * booking is cancelled (its seat freed) so the survivor keeps exactly one.
 */
@Component("schedulingClientMergeListener")
class ClientMergeListener {

    private final JdbcClient jdbc;

    ClientMergeListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ClientsMerged merged) {
        var doubled = jdbc.sql("""
                SELECT m.id, m.session_id, m.status FROM bookings m
                WHERE m.org_id = :org AND m.client_id = :from AND m.status IN ('confirmed', 'waitlisted', 'attended')
                  AND EXISTS (SELECT 1 FROM bookings s WHERE s.org_id = m.org_id AND s.session_id = m.session_id
                              AND s.client_id = :to AND s.status IN ('confirmed', 'waitlisted', 'attended'))
                FOR UPDATE
                """)
                .param("org", merged.organizationId())
                .param("from", merged.mergedId())
                .param("to", merged.survivorId())
                .query()
                .listOfRows();
        for (var booking : doubled) {
            jdbc.sql("UPDATE bookings SET status = 'cancelled', cancelled_at = now() WHERE id = :id")
                    .param("id", booking.get("id"))
                    .update();
            if (!"waitlisted".equals(booking.get("status"))) {
                jdbc.sql("UPDATE class_sessions SET confirmed_count = confirmed_count - 1 WHERE id = :id")
                        .param("id", booking.get("session_id"))
                        .update();
            }
        }
        for (String table : new String[] {"bookings", "appointments"}) {
            jdbc.sql("UPDATE " + table + " SET client_id = :to WHERE org_id = :org AND client_id = :from")
                    .param("to", merged.survivorId())
                    .param("from", merged.mergedId())
                    .param("org", merged.organizationId())
                    .update();
        }
    }
}
