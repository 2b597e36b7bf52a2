package io.wellbase.scheduling.internal.classes;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.clients.ClientListChanges;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import io.wellbase.scheduling.SchedulingEvents;
import java.text.Collator;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in, the roster of a session, and a client's attendance history.
 */
@Service
public class Attendance {

    private final JdbcClient jdbc;
    private final Bookings bookings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ClientDirectory clients;

    private final ClientListChanges clientList;

    Attendance(
            JdbcClient jdbc,
            Bookings bookings,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ClientDirectory clients,
            ClientListChanges clientList) {
        this.clientList = clientList;
        this.clients = clients;
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.audit = audit;
        this.events = events;
    }

    /** One line of a roster. */
    record RosterEntry(
            UUID bookingId,
            UUID clientId,
            String firstName,
            String lastName,
            String status,
            Long waitlistPosition,
            OffsetDateTime checkedInAt) {}

    /** One visit of a client. */
    public record Visit(
            UUID bookingId,
            UUID sessionId,
            String classTypeName,
            UUID locationId,
            OffsetDateTime startsAt,
            String status,
            OffsetDateTime checkedInAt) {}

    @Transactional(readOnly = true)
    List<RosterEntry> roster(UUID orgId, UUID sessionId) {
        jdbc.sql("SELECT id FROM class_sessions WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", sessionId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Session"));
        List<BookingLine> lines = jdbc.sql("""
                SELECT id, client_id, status, waitlist_position, checked_in_at FROM bookings
                WHERE org_id = :org AND session_id = :session
                """)
                .param("org", orgId)
                .param("session", sessionId)
                .query(Rows.of(BookingLine.class))
                .list();
        Map<UUID, ClientDirectory.ClientName> names =
                clients.names(orgId, lines.stream().map(BookingLine::clientId).toList());
        return lines.stream()
                .map(line -> line.withName(names.get(line.clientId())))
                .sorted(ROSTER_ORDER)
                .toList();
    }

    private record BookingLine(
            UUID id, UUID clientId, String status, Long waitlistPosition, OffsetDateTime checkedInAt) {

        RosterEntry withName(ClientDirectory.ClientName name) {
            return new RosterEntry(
                    id,
                    clientId,
                    name == null ? null : name.firstName(),
                    name == null ? null : name.lastName(),
                    status,
                    waitlistPosition,
                    checkedInAt);
        }
    }

    /** Attended, then confirmed, then the waitlist in its order, then the rest; by name within each. */
    private static final Comparator<RosterEntry> ROSTER_ORDER = Comparator.comparingInt(
                    (RosterEntry e) -> switch (e.status()) {
                        case "attended" -> 0;
                        case "confirmed" -> 1;
                        case "waitlisted" -> 2;
                        default -> 3;
                    })
            .thenComparing(RosterEntry::waitlistPosition, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RosterEntry::lastName, Comparator.nullsLast(Collator.getInstance(Locale.ROOT)))
            .thenComparing(RosterEntry::firstName, Comparator.nullsLast(Collator.getInstance(Locale.ROOT)));

    /** Checks in a booked client, or a walk-in (booked on the spot while there is space). */
    @Transactional
    Bookings.Booking checkIn(UUID orgId, UUID sessionId, UUID bookingId, UUID clientId, UUID by) {
        clientList.changed(orgId); // the attendance filters of the client list
        UUID id = bookingId;
        if (id == null) {
            if (clientId == null) {
                throw ApiException.invalidField("clientId", "give a clientId or a bookingId");
            }
            id = jdbc.sql("""
                    SELECT id FROM bookings WHERE org_id = :org AND session_id = :session AND client_id = :client
                      AND status IN ('confirmed', 'attended')
                    """)
                    .param("org", orgId)
                    .param("session", sessionId)
                    .param("client", clientId)
                    .query(UUID.class)
                    .optional()
                    .orElseGet(() ->
                            bookings.walkIn(orgId, sessionId, clientId, by).id());
        }
        Bookings.Booking booking = bookings.get(orgId, id);
        if (!booking.sessionId().equals(sessionId)) {
            throw ApiException.notFound("Booking");
        }
        BookingStatus current = BookingStatus.of(booking.status());
        if (current == BookingStatus.ATTENDED) {
            return booking;
        }
        // guarded by the status too: a cancel that wins the race leaves nothing to check in
        if (!current.canBecome(BookingStatus.ATTENDED)
                || jdbc.sql("""
                UPDATE bookings SET status = 'attended', checked_in_at = now() WHERE id = :id AND status = 'confirmed'
                """).param("id", id).update() == 0) {
            throw ApiException.conflict("booking.not_confirmed", "Only a confirmed booking can be checked in");
        }
        audit.record(AuditRecord.of(
                orgId,
                "booking.checked_in",
                "booking",
                id,
                Map.of("status", new AuditChange("confirmed", "attended"))));
        events.publishEvent(new SchedulingEvents.ClientCheckedIn(orgId, id, sessionId, booking.clientId()));
        return bookings.get(orgId, id);
    }

    /** A client's visits (bookings with their class), to be followed by more conditions and the order. */
    public static final String VISITS_OF_CLIENT = """
                SELECT b.id AS booking_id, s.id AS session_id, t.name AS class_type_name, s.location_id, s.starts_at,
                       b.status, b.checked_in_at
                FROM bookings b
                JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
                JOIN class_types t ON t.org_id = s.org_id AND t.id = s.class_type_id
                WHERE b.org_id = :org AND b.client_id = :client
            """;

    @Transactional(readOnly = true)
    CursorPage<Visit> visits(UUID orgId, UUID clientId, String cursor, int limit) {
        clients.find(orgId, clientId).orElseThrow(() -> ApiException.notFound("Client"));
        OffsetDateTime before = cursor == null ? null : parseCursor(cursor);
        List<Visit> rows = jdbc.sql(VISITS_OF_CLIENT + """
                  AND (CAST(:before AS timestamptz) IS NULL OR s.starts_at < :before)
                ORDER BY s.starts_at DESC, b.id DESC
                LIMIT :limit
                """)
                .param("org", orgId)
                .param("client", clientId)
                .param("before", before)
                .param("limit", limit + 1)
                .query(Rows.of(Visit.class))
                .list();
        boolean more = rows.size() > limit;
        List<Visit> page = more ? rows.subList(0, limit) : rows;
        return new CursorPage<>(
                List.copyOf(page), more ? page.getLast().startsAt().toString() : null);
    }

    private static OffsetDateTime parseCursor(String cursor) {
        try {
            return OffsetDateTime.parse(cursor);
        } catch (RuntimeException e) {
            throw ApiException.invalidField("cursor", "is not a cursor this endpoint returned");
        }
    }
}
