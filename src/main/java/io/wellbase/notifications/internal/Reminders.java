package io.wellbase.notifications.internal;

import io.wellbase.platform.data.Ids;
import io.wellbase.scheduling.BookedClasses.BookedClass;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reminders waiting for their time, one row per booking (or appointment) and offset. */
@Component
class Reminders {

    private final JdbcClient jdbc;

    Reminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a reminder is for: a class booking or an appointment, its client, its start and zone. */
    enum Kind {
        CLASS("class"),
        APPOINTMENT("appointment"),
        /** After an appointment's end: {@code startsAt} is the end, the offset the time after it. */
        FOLLOW_UP("follow_up");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }

        static Kind of(String value) {
            return switch (value) {
                case "class" -> CLASS;
                case "follow_up" -> FOLLOW_UP;
                default -> APPOINTMENT;
            };
        }
    }

    record Planned(
            Kind kind,
            UUID entityId,
            @Nullable UUID sessionId,
            UUID clientId,
            OffsetDateTime startsAt,
            String timezone) {

        static Planned of(BookedClass b) {
            return new Planned(Kind.CLASS, b.bookingId(), b.sessionId(), b.clientId(), b.startsAt(), b.timezone());
        }
    }

    /** A reminder that is due, held by this transaction. */
    record Due(UUID id, UUID orgId, Kind kind, UUID entityId, int offsetMinutes, OffsetDateTime startsAt) {

        /** Tells this reminder apart from the same offset before a start that has moved since. */
        String occurrence() {
            return offsetMinutes + "m@" + startsAt.toEpochSecond();
        }
    }

    /**
     * Plans the reminders at these offsets, those still in the future, for many bookings or appointments in
     * one statement. A reminder planned before for the same entity, kind and offset stays as it is when the
     * start is the same (a repeated event), and is planned afresh when the start moved or it was called off;
     * answers how many rows were added or planned afresh.
     */
    int planAll(UUID orgId, List<Planned> planned, List<Integer> offsets, Instant now) {
        List<UUID> ids = new java.util.ArrayList<>();
        List<UUID> entities = new java.util.ArrayList<>();
        List<UUID> sessions = new java.util.ArrayList<>();
        List<UUID> clients = new java.util.ArrayList<>();
        List<String> kinds = new java.util.ArrayList<>();
        List<Integer> offsetColumn = new java.util.ArrayList<>();
        List<java.sql.Timestamp> starts = new java.util.ArrayList<>();
        List<java.sql.Timestamp> dues = new java.util.ArrayList<>();
        for (Planned p : planned) {
            ZoneId zone = ZoneId.of(p.timezone());
            for (int offset : offsets) {
                Instant due = p.kind() == Kind.FOLLOW_UP
                        ? p.startsAt().toInstant().plus(java.time.Duration.ofMinutes(offset))
                        : ReminderTimes.dueAt(p.startsAt().toInstant(), zone, offset);
                if (!due.isAfter(now)) {
                    continue;
                }
                ids.add(Ids.newId());
                entities.add(p.entityId());
                sessions.add(p.sessionId());
                clients.add(p.clientId());
                kinds.add(p.kind().value());
                offsetColumn.add(offset);
                starts.add(java.sql.Timestamp.from(p.startsAt().toInstant()));
                dues.add(java.sql.Timestamp.from(due));
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                INSERT INTO notification_reminders (id, org_id, kind, entity_id, session_id, client_id, offset_minutes,
                                                    starts_at, due_at)
                SELECT r.id, :org, r.kind, r.entity, r.session, r.client, r.offset_minutes, r.starts, r.due
                FROM unnest(CAST(:ids AS uuid[]), CAST(:kinds AS text[]), CAST(:entities AS uuid[]), CAST(:sessions AS uuid[]),
                            CAST(:clients AS uuid[]), CAST(:offsets AS int[]), CAST(:starts AS timestamptz[]),
                            CAST(:dues AS timestamptz[]))
                     AS r (id, kind, entity, session, client, offset_minutes, starts, due)
                ON CONFLICT (org_id, entity_id, kind, offset_minutes) DO UPDATE
                    SET starts_at = excluded.starts_at, due_at = excluded.due_at, status = 'pending', done_at = NULL
                    WHERE notification_reminders.starts_at <> excluded.starts_at
                       OR notification_reminders.status = 'cancelled'
                """)
                .param("org", orgId)
                .param("ids", ids.toArray(UUID[]::new))
                .param("kinds", kinds.toArray(String[]::new))
                .param("entities", entities.toArray(UUID[]::new))
                .param("sessions", sessions.toArray(UUID[]::new))
                .param("clients", clients.toArray(UUID[]::new))
                .param("offsets", offsetColumn.toArray(Integer[]::new))
                .param("starts", starts.toArray(java.sql.Timestamp[]::new))
                .param("dues", dues.toArray(java.sql.Timestamp[]::new))
                .update();
    }

    /** Calls off the organization's pending reminders at offsets it no longer uses. */
    int cancelOtherOffsets(UUID orgId, List<Integer> offsets) {
        return jdbc.sql("""
                UPDATE notification_reminders SET status = 'cancelled', done_at = now()
                WHERE org_id = :org AND status = 'pending' AND offset_minutes <> ALL (:offsets)
                """)
                .param("org", orgId)
                .param("offsets", offsets.toArray(Integer[]::new))
                .update();
    }

    int cancelFor(UUID orgId, UUID entityId) {
        return jdbc.sql("""
                UPDATE notification_reminders SET status = 'cancelled', done_at = now()
                WHERE org_id = :org AND entity_id = :entity AND status = 'pending'
                """).param("org", orgId).param("entity", entityId).update();
    }

    int cancelForSession(UUID orgId, UUID sessionId) {
        return jdbc.sql("""
                UPDATE notification_reminders SET status = 'cancelled', done_at = now()
                WHERE org_id = :org AND session_id = :session AND status = 'pending'
                """).param("org", orgId).param("session", sessionId).update();
    }

    List<Due> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, org_id, kind, entity_id, offset_minutes, starts_at FROM notification_reminders
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
                        Kind.of(rs.getString("kind")),
                        rs.getObject("entity_id", UUID.class),
                        rs.getInt("offset_minutes"),
                        rs.getObject("starts_at", OffsetDateTime.class)))
                .list();
    }

    void done(List<UUID> ids, boolean sent, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql(
                        "UPDATE notification_reminders SET status = :status, done_at = :at WHERE id = ANY (CAST(:ids AS uuid[]))")
                .param("ids", ids.toArray(UUID[]::new))
                .param("status", sent ? "sent" : "skipped")
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }
}
