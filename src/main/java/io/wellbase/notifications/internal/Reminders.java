package io.wellbase.notifications.internal;

import io.wellbase.platform.data.Ids;
import io.wellbase.scheduling.BookedClasses.BookedClass;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reminders waiting for their time, one row per booking and offset. */
@Component
class Reminders {

    private final JdbcClient jdbc;

    Reminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A reminder that is due, held by this transaction. */
    record Due(UUID id, UUID orgId, UUID bookingId, int offsetMinutes) {}

    /**
     * Plans the booking's reminders at these offsets, those still in the future; a reminder planned
     * before (the same booking and offset) stays as it is. Answers how many were added.
     */
    int plan(UUID orgId, BookedClass booking, List<Integer> offsets, Instant now) {
        int added = 0;
        ZoneId zone = ZoneId.of(booking.timezone());
        for (int offset : offsets) {
            Instant due = ReminderTimes.dueAt(booking.startsAt().toInstant(), zone, offset);
            if (!due.isAfter(now)) {
                continue;
            }
            added += jdbc.sql("""
                    INSERT INTO notification_reminders (id, org_id, kind, entity_id, session_id, client_id, offset_minutes,
                                                        starts_at, due_at)
                    VALUES (:id, :org, 'class', :booking, :session, :client, :offset, :starts, :due)
                    ON CONFLICT (org_id, entity_id, offset_minutes) DO NOTHING
                    """)
                    .param("id", Ids.newId())
                    .param("org", orgId)
                    .param("booking", booking.bookingId())
                    .param("session", booking.sessionId())
                    .param("client", booking.clientId())
                    .param("offset", offset)
                    .param("starts", booking.startsAt())
                    .param("due", java.sql.Timestamp.from(due))
                    .update();
        }
        return added;
    }

    int cancelForBooking(UUID orgId, UUID bookingId) {
        return jdbc.sql("""
                UPDATE notification_reminders SET status = 'cancelled', done_at = now()
                WHERE org_id = :org AND entity_id = :booking AND status = 'pending'
                """).param("org", orgId).param("booking", bookingId).update();
    }

    int cancelForSession(UUID orgId, UUID sessionId) {
        return jdbc.sql("""
                UPDATE notification_reminders SET status = 'cancelled', done_at = now()
                WHERE org_id = :org AND session_id = :session AND status = 'pending'
                """).param("org", orgId).param("session", sessionId).update();
    }

    List<Due> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, org_id, entity_id, offset_minutes FROM notification_reminders
                WHERE status = 'pending' AND due_at <= :now
                ORDER BY due_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .param("now", java.sql.Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        rs.getObject("entity_id", UUID.class),
                        rs.getInt("offset_minutes")))
                .list();
    }

    void done(UUID id, boolean sent, Instant at) {
        jdbc.sql("UPDATE notification_reminders SET status = :status, done_at = :at WHERE id = :id")
                .param("id", id)
                .param("status", sent ? "sent" : "skipped")
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }
}
