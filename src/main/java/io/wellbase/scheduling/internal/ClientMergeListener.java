package io.wellbase.scheduling.internal;

import io.wellbase.clients.ClientsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Moves a merged client's bookings, visits and appointments to the surviving record, in the
 * merge's own transaction. Where both were booked into the same session, the survivor keeps exactly one
 * booking: the one that says most (attended, then a seat, then a waitlist place; the survivor's on a
 * tie), and the other is cancelled, its seat freed.
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
                        SELECT m.id AS merged_id, m.status AS merged_status, s.id AS survivor_id,
                               s.status AS survivor_status, m.session_id
                        FROM bookings m
                        JOIN bookings s ON s.org_id = m.org_id AND s.session_id = m.session_id AND s.client_id = :to
                                       AND s.status IN ('confirmed', 'waitlisted', 'attended')
                        WHERE m.org_id = :org AND m.client_id = :from AND m.status IN ('confirmed', 'waitlisted', 'attended')
                        FOR UPDATE
                        """)
                .param("org", merged.organizationId())
                .param("from", merged.mergedId())
                .param("to", merged.survivorId())
                .query()
                .listOfRows();
        for (var pair : doubled) {
            // keep the booking that says most (attended, then a seat, then the waitlist): a check-in is history
            boolean keepMerged = rank(pair.get("merged_status")) > rank(pair.get("survivor_status"));
            Object dropped = keepMerged ? pair.get("survivor_id") : pair.get("merged_id");
            Object droppedStatus = keepMerged ? pair.get("survivor_status") : pair.get("merged_status");
            jdbc.sql("UPDATE bookings SET status = 'cancelled', cancelled_at = now() WHERE id = :id")
                    .param("id", dropped)
                    .update();
            if (!"waitlisted".equals(droppedStatus)) {
                jdbc.sql("UPDATE class_sessions SET confirmed_count = confirmed_count - 1 WHERE id = :id")
                        .param("id", pair.get("session_id"))
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

    private static int rank(Object status) {
        return switch (String.valueOf(status)) {
            case "attended" -> 3;
            case "confirmed" -> 2;
            default -> 1;
        };
    }
}
