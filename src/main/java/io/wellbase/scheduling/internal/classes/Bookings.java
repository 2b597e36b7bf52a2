package io.wellbase.scheduling.internal.classes;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.memberships.Entitlements;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import io.wellbase.scheduling.SchedulingEvents;
import io.wellbase.scheduling.internal.SchedulingSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking a seat, joining the waitlist, cancelling, and promoting from the waitlist. A seat is taken
 * by one conditional update ({@code confirmed_count < capacity}), so capacity holds under any
 * concurrency; the membership entitlement is reserved in the same transaction, so a booking that
 * cannot be paid for frees its seat again.
 */
@Service
public class Bookings {

    private final JdbcClient jdbc;
    private final ClientDirectory clients;
    private final Entitlements entitlements;
    private final SchedulingSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Bookings(
            JdbcClient jdbc,
            ClientDirectory clients,
            Entitlements entitlements,
            SchedulingSettings settings,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.clients = clients;
        this.entitlements = entitlements;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The seats changed between the look and the locked update (the last seat went to another
     * request, or one came free while joining the waitlist); the transaction rolls back and
     * {@link BookSession} looks once more.
     */
    static final class SeatTakenMeanwhile extends RuntimeException {
        SeatTakenMeanwhile() {
            super("the seats changed meanwhile", null, false, false);
        }
    }

    /** A booking as the API shows it. */
    public record Booking(
            UUID id,
            UUID sessionId,
            UUID clientId,
            String status,
            Long waitlistPosition,
            UUID membershipId,
            OffsetDateTime createdAt,
            OffsetDateTime cancelledAt,
            OffsetDateTime checkedInAt) {}

    private record SessionRow(
            UUID id,
            UUID classTypeId,
            UUID locationId,
            OffsetDateTime startsAt,
            String status,
            int capacity,
            int confirmedCount) {}

    public static final String SELECT = """
            SELECT b.id, b.session_id, b.client_id, b.status,
                   CASE WHEN b.status = 'waitlisted' THEN (SELECT count(*) FROM bookings w WHERE w.org_id = b.org_id
                        AND w.session_id = b.session_id AND w.status = 'waitlisted'
                        AND w.waitlist_position <= b.waitlist_position) END AS waitlist_position,
                   b.membership_id, b.created_at, b.cancelled_at, b.checked_in_at
            FROM bookings b
            """;

    /** A session as a booking sees it: its row, the client's place on its waitlist if any, and the rules. */
    private record BookingLook(SessionRow session, @Nullable UUID waitlistedId, SchedulingSettings.Rules rules) {}

    @Transactional
    Booking book(UUID orgId, UUID sessionId, UUID clientId, boolean joinWaitlist, boolean staffOverride, UUID by) {
        clients.find(orgId, clientId)
                .orElseThrow(() -> ApiException.invalidField("clientId", "must be a client of this organization"));
        BookingLook look = look(orgId, sessionId, clientId);
        SessionRow session = look.session();
        checkRules(orgId, session, look.rules(), clientId, staffOverride);
        if (look.waitlistedId() != null) {
            return claimFreedSeat(orgId, session, look.waitlistedId(), clientId, staffOverride);
        }
        UUID id = Ids.newId();
        if (session.confirmedCount() < session.capacity()) {
            // Everything else first, the seat last: the session row is locked only for the final statement
            // of the transaction, so bookings of one class do not queue behind each other's round trips.
            insert(orgId, id, sessionId, clientId, "confirmed", null, by);
            UUID membershipId = reserve(orgId, clientId, id, session, staffOverride);
            audit.record(AuditRecord.of(
                    orgId,
                    "booking.confirmed",
                    "booking",
                    id,
                    AuditChange.created(Map.of("sessionId", sessionId, "clientId", clientId))));
            events.publishEvent(
                    new SchedulingEvents.BookingConfirmed(orgId, id, sessionId, clientId, session.startsAt()));
            if (takeSeat(orgId, sessionId, id, membershipId)) {
                OffsetDateTime now = OffsetDateTime.now(clock);
                return new Booking(id, sessionId, clientId, "confirmed", null, membershipId, now, null, null);
            }
            throw new SeatTakenMeanwhile();
        }
        if (!joinWaitlist) {
            throw ApiException.conflict("booking.session_full", "The session is full; ask to join the waitlist");
        }
        // under the session row's lock: a seat freed since the look above goes to this request, not the waitlist
        Map<String, Object> seq =
                jdbc.sql("""
                UPDATE class_sessions SET waitlist_seq = waitlist_seq + 1 WHERE org_id = :org AND id = :id
                RETURNING waitlist_seq, capacity - confirmed_count AS free
                """).param("org", orgId).param("id", sessionId).query().singleRow();
        if (((Number) seq.get("free")).intValue() > 0) {
            throw new SeatTakenMeanwhile();
        }
        long position = ((Number) seq.get("waitlist_seq")).longValue();
        insert(orgId, id, sessionId, clientId, "waitlisted", position, by);
        audit.record(AuditRecord.of(
                orgId,
                "booking.waitlisted",
                "booking",
                id,
                AuditChange.created(Map.of("sessionId", sessionId, "clientId", clientId))));
        return get(orgId, id);
    }

    /** The membership that pays for the seat; none with a staff override, else 422 with the reason. */
    private UUID reserve(UUID orgId, UUID clientId, UUID bookingId, SessionRow session, boolean staffOverride) {
        return switch (entitlements.reserve(orgId, clientId, bookingId, coverage(session), session.startsAt())) {
            case Entitlements.Entitlement covered -> covered.membershipId();
            case Entitlements.NotCovered(Entitlements.Reason reason) when staffOverride -> null;
            case Entitlements.NotCovered(Entitlements.Reason reason) ->
                throw ApiException.unprocessable(reason.code(), reason.detail());
        };
    }

    private static Entitlements.Coverage coverage(SessionRow session) {
        return new Entitlements.Coverage(session.classTypeId(), null, session.locationId());
    }

    private void insert(UUID orgId, UUID id, UUID sessionId, UUID clientId, String status, Long position, UUID by) {
        try {
            jdbc.sql("""
                    INSERT INTO bookings (id, org_id, session_id, client_id, status, waitlist_position, booked_by)
                    VALUES (:id, :org, :session, :client, :status, :position, :by)
                    """)
                    .param("id", id)
                    .param("org", orgId)
                    .param("session", sessionId)
                    .param("client", clientId)
                    .param("status", status)
                    .param("position", position)
                    .param("by", by)
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ApiException.conflict(
                    "booking.already_booked", "The client is already booked or waitlisted for this session");
        }
    }

    private void checkRules(
            UUID orgId, SessionRow session, SchedulingSettings.Rules rules, UUID clientId, boolean staffOverride) {
        if (SessionStatus.of(session.status()) != SessionStatus.SCHEDULED) {
            throw ApiException.unprocessable("booking.session_cancelled", "The session is cancelled");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!session.startsAt().isAfter(now)) {
            throw ApiException.unprocessable("booking.session_started", "The session has already started");
        }
        if (staffOverride) {
            return;
        }
        if (session.startsAt().isAfter(now.plusDays(rules.bookingWindowDays()))) {
            throw ApiException.unprocessable(
                    "booking.too_far_ahead", "Bookings open " + rules.bookingWindowDays() + " days before a session");
        }
        if (session.startsAt().isBefore(now.plusMinutes(rules.minNoticeMinutes()))) {
            throw ApiException.unprocessable(
                    "booking.too_late", "Bookings close " + rules.minNoticeMinutes() + " minutes before a session");
        }
        if (rules.maxBookingsPerDay() != null) {
            // one client's bookings of one day queue here until the transaction ends, so two at once
            // cannot both pass the count (the lock is the client's, other clients are not held up)
            jdbc.sql("""
                    SELECT pg_advisory_xact_lock(hashtextextended(
                        'daily-limit:' || :client || ':' || (SELECT local_date FROM class_sessions WHERE id = :session), 0))
                    """)
                    .param("client", clientId.toString())
                    .param("session", session.id())
                    .query((rs, n) -> 1)
                    .list();
            int sameDay = jdbc.sql("""
                    SELECT count(*) FROM bookings b JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
                    WHERE b.org_id = :org AND b.client_id = :client AND b.status IN ('confirmed', 'attended')
                      AND s.local_date = (SELECT local_date FROM class_sessions WHERE id = :session)
                    """)
                    .param("org", orgId)
                    .param("client", clientId)
                    .param("session", session.id())
                    .query(Integer.class)
                    .single();
            if (sameDay >= rules.maxBookingsPerDay()) {
                throw ApiException.unprocessable(
                        "booking.daily_limit", "At most " + rules.maxBookingsPerDay() + " bookings per day");
            }
        }
    }

    @Transactional
    Booking cancel(UUID orgId, UUID bookingId, Optional<UUID> onlyForClient) {
        Booking booking = jdbc.sql(SELECT + " WHERE b.org_id = :org AND b.id = :id FOR UPDATE OF b")
                .param("org", orgId)
                .param("id", bookingId)
                .query(Rows.of(Booking.class))
                .optional()
                .filter(b -> onlyForClient.isEmpty() || onlyForClient.get().equals(b.clientId()))
                .orElseThrow(() -> ApiException.notFound("Booking"));
        BookingStatus current = BookingStatus.of(booking.status());
        if (!current.active()) {
            throw ApiException.conflict("booking.not_active", "The booking is already " + booking.status());
        }
        SessionRow session = session(orgId, booking.sessionId());
        boolean late = current == BookingStatus.CONFIRMED
                && OffsetDateTime.now(clock)
                        .isAfter(session.startsAt()
                                .minusHours(settings.rules(orgId).lateCancelHours()));
        BookingStatus next = late ? BookingStatus.LATE_CANCELLED : BookingStatus.CANCELLED;
        jdbc.sql("UPDATE bookings SET status = :status, cancelled_at = now() WHERE id = :id")
                .param("status", next.value())
                .param("id", bookingId)
                .update();
        if (current == BookingStatus.CONFIRMED) {
            SchedulingSettings.Rules rules = settings.rules(orgId);
            if (late && rules.lateCancelForfeits()) {
                entitlements.forfeit(orgId, bookingId, rules.penaltyCredits());
            } else {
                entitlements.release(orgId, bookingId);
            }
            jdbc.sql("UPDATE class_sessions SET confirmed_count = confirmed_count - 1 WHERE org_id = :org AND id = :id")
                    .param("org", orgId)
                    .param("id", booking.sessionId())
                    .update();
            promote(orgId, session);
        }
        audit.record(AuditRecord.of(
                orgId,
                "booking.cancelled",
                "booking",
                bookingId,
                Map.of("status", new AuditChange(booking.status(), next.value()))));
        events.publishEvent(new SchedulingEvents.BookingCancelled(
                orgId, bookingId, booking.sessionId(), booking.clientId(), late, session.startsAt()));
        return get(orgId, bookingId);
    }

    /**
     * Gives a freed seat to the first waitlisted client who is covered by a membership, while the
     * policy is auto-promote and the cutoff before the start has not passed.
     */
    private void promote(UUID orgId, SessionRow session) {
        SchedulingSettings.Rules rules = settings.rules(orgId);
        if (!rules.waitlistPolicy().equals("auto_promote")
                || OffsetDateTime.now(clock)
                        .isAfter(session.startsAt().minus(Duration.ofMinutes(rules.promotionCutoffMinutes())))) {
            List<UUID> waiting = jdbc.sql("""
                    SELECT client_id FROM bookings WHERE org_id = :org AND session_id = :session AND status = 'waitlisted'
                    ORDER BY waitlist_position
                    """)
                    .param("org", orgId)
                    .param("session", session.id())
                    .query(UUID.class)
                    .list();
            if (!waiting.isEmpty()) {
                events.publishEvent(
                        new SchedulingEvents.WaitlistSeatAvailable(orgId, session.id(), Ids.newId(), waiting));
            }
            return;
        }
        var waiting = jdbc.sql("""
                SELECT id, client_id FROM bookings WHERE org_id = :org AND session_id = :session AND status = 'waitlisted'
                ORDER BY waitlist_position FOR UPDATE
                """)
                .param("org", orgId)
                .param("session", session.id())
                .query()
                .listOfRows();
        for (Map<String, Object> candidate : waiting) {
            UUID bookingId = (UUID) candidate.get("id");
            UUID clientId = (UUID) candidate.get("client_id");
            if (entitlements.reserve(orgId, clientId, bookingId, coverage(session), session.startsAt())
                    instanceof Entitlements.Entitlement(UUID membershipId, boolean creditUsed)) {
                jdbc.sql("""
                        UPDATE bookings SET status = 'confirmed', membership_id = :m,
                            confirmed_at = now() WHERE id = :id
                        """).param("m", membershipId).param("id", bookingId).update();
                jdbc.sql(
                                "UPDATE class_sessions SET confirmed_count = confirmed_count + 1 WHERE org_id = :org AND id = :id")
                        .param("org", orgId)
                        .param("id", session.id())
                        .update();
                audit.record(AuditRecord.of(
                        orgId,
                        "booking.promoted",
                        "booking",
                        bookingId,
                        Map.of("status", new AuditChange("waitlisted", "confirmed"))));
                events.publishEvent(new SchedulingEvents.WaitlistPromoted(orgId, bookingId, session.id(), clientId));
                return;
            }
            // this client has no valid membership now; the next one in line gets the seat
        }
    }

    /** A waitlisted client books again when a seat is free (first come, first served): the entry becomes the seat. */
    private Booking claimFreedSeat(
            UUID orgId, SessionRow session, UUID bookingId, UUID clientId, boolean staffOverride) {
        if (session.confirmedCount() >= session.capacity()) {
            throw ApiException.conflict(
                    "booking.already_waitlisted", "The client is on the waitlist; no seat is free yet");
        }
        boolean stillWaitlisted = jdbc.sql("""
                        SELECT id FROM bookings WHERE org_id = :org AND id = :id AND status = 'waitlisted' FOR UPDATE
                        """)
                .param("org", orgId)
                .param("id", bookingId)
                .query(UUID.class)
                .optional()
                .isPresent();
        if (!stillWaitlisted) {
            // promoted or cancelled since the look: look again
            throw new SeatTakenMeanwhile();
        }
        UUID membershipId = reserve(orgId, clientId, bookingId, session, staffOverride);
        jdbc.sql("UPDATE bookings SET status = 'confirmed', membership_id = :m, confirmed_at = now() WHERE id = :id")
                .param("m", membershipId)
                .param("id", bookingId)
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "booking.promoted",
                "booking",
                bookingId,
                Map.of("status", new AuditChange("waitlisted", "confirmed"))));
        events.publishEvent(
                new SchedulingEvents.BookingConfirmed(orgId, bookingId, session.id(), clientId, session.startsAt()));
        int taken = jdbc.sql("""
                UPDATE class_sessions SET confirmed_count = confirmed_count + 1
                WHERE org_id = :org AND id = :id AND status = :scheduled AND confirmed_count < capacity
                """)
                .param("org", orgId)
                .param("id", session.id())
                .param("scheduled", SessionStatus.SCHEDULED.value())
                .update();
        if (taken == 0) {
            throw new SeatTakenMeanwhile();
        }
        return get(orgId, bookingId);
    }

    /** A walk-in: a booking made at check-in while there is space; the usual entitlement applies. */
    Booking walkIn(UUID orgId, UUID sessionId, UUID clientId, UUID by) {
        clients.find(orgId, clientId)
                .orElseThrow(() -> ApiException.invalidField("clientId", "must be a client of this organization"));
        SessionRow session = session(orgId, sessionId);
        if (SessionStatus.of(session.status()) != SessionStatus.SCHEDULED) {
            throw ApiException.unprocessable("booking.session_cancelled", "The session is cancelled");
        }
        int taken = jdbc.sql("""
                UPDATE class_sessions SET confirmed_count = confirmed_count + 1
                WHERE org_id = :org AND id = :id AND status = :scheduled AND confirmed_count < capacity
                """)
                .param("org", orgId)
                .param("id", sessionId)
                .param("scheduled", SessionStatus.SCHEDULED.value())
                .update();
        if (taken == 0) {
            // a cancel may have won the race since the look above: say so rather than "full"
            if (SessionStatus.of(session(orgId, sessionId).status()) != SessionStatus.SCHEDULED) {
                throw ApiException.unprocessable("booking.session_cancelled", "The session is cancelled");
            }
            throw ApiException.conflict("booking.session_full", "The session is full");
        }
        UUID id = Ids.newId();
        insert(orgId, id, sessionId, clientId, "confirmed", null, by);
        UUID membershipId = reserve(orgId, clientId, id, session, false);
        jdbc.sql("UPDATE bookings SET membership_id = :m, confirmed_at = now() WHERE id = :id")
                .param("m", membershipId)
                .param("id", id)
                .update();
        events.publishEvent(new SchedulingEvents.BookingConfirmed(orgId, id, sessionId, clientId, session.startsAt()));
        return get(orgId, id);
    }

    @Transactional(readOnly = true)
    Booking get(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE b.org_id = :org AND b.id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Booking.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Booking"));
    }

    private BookingLook look(UUID orgId, UUID sessionId, UUID clientId) {
        return jdbc.sql("""
                        SELECT s.id, s.class_type_id, s.location_id, s.starts_at, s.status, s.capacity, s.confirmed_count,
                               (SELECT b.id FROM bookings b WHERE b.org_id = s.org_id AND b.session_id = s.id
                                  AND b.client_id = :client AND b.status = 'waitlisted') AS waitlisted_id,
                               %s
                        FROM class_sessions s LEFT JOIN scheduling_settings st ON st.org_id = s.org_id
                        WHERE s.org_id = :org AND s.id = :id
                        """.formatted(SchedulingSettings.JOINED_RULES_COLUMNS))
                .param("org", orgId)
                .param("id", sessionId)
                .param("client", clientId)
                .query((rs, n) -> new BookingLook(
                        new SessionRow(
                                rs.getObject("id", UUID.class),
                                rs.getObject("class_type_id", UUID.class),
                                rs.getObject("location_id", UUID.class),
                                rs.getObject("starts_at", OffsetDateTime.class),
                                rs.getString("status"),
                                rs.getInt("capacity"),
                                rs.getInt("confirmed_count")),
                        rs.getObject("waitlisted_id", UUID.class),
                        SchedulingSettings.joinedRules(rs)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Session"));
    }

    /**
     * Takes the seat and settles the new booking in one statement, the transaction's last: the seat only
     * while one is free and the session is scheduled; answers whether it got one.
     */
    private boolean takeSeat(UUID orgId, UUID sessionId, UUID bookingId, @Nullable UUID membershipId) {
        return jdbc.sql("""
                        WITH seat AS (
                            UPDATE class_sessions SET confirmed_count = confirmed_count + 1
                            WHERE org_id = :org AND id = :session AND status = :scheduled AND confirmed_count < capacity
                            RETURNING id)
                        UPDATE bookings SET membership_id = :m, confirmed_at = now()
                        WHERE org_id = :org AND id = :booking AND EXISTS (SELECT 1 FROM seat)
                        """)
                        .param("org", orgId)
                        .param("session", sessionId)
                        .param("scheduled", SessionStatus.SCHEDULED.value())
                        .param("m", membershipId)
                        .param("booking", bookingId)
                        .update()
                == 1;
    }

    private SessionRow session(UUID orgId, UUID sessionId) {
        return jdbc.sql("""
                SELECT id, class_type_id, location_id, starts_at, status, capacity, confirmed_count FROM class_sessions
                WHERE org_id = :org AND id = :id
                """)
                .param("org", orgId)
                .param("id", sessionId)
                .query(Rows.of(SessionRow.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Session"));
    }
}
