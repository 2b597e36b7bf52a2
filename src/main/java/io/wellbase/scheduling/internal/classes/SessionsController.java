package io.wellbase.scheduling.internal.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import io.wellbase.scheduling.internal.PortalAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions, their bookings, roster and check-ins; a client's visits.
 */
@RestController
@Tag(name = "Scheduling")
class SessionsController {

    private static final SortSpec SORT = SortSpec.of(Map.of("startsAt", "s.starts_at"), "startsAt", "s.id");

    private final ClassSessions sessions;
    private final Bookings bookings;
    private final Attendance attendance;
    private final PortalAccess access;
    private final BookSession bookSession;
    private final Clock clock;

    SessionsController(
            ClassSessions sessions,
            Bookings bookings,
            Attendance attendance,
            PortalAccess access,
            BookSession bookSession,
            Clock clock) {
        this.clock = clock;
        this.bookSession = bookSession;
        this.sessions = sessions;
        this.bookings = bookings;
        this.attendance = attendance;
        this.access = access;
    }

    record SessionRequest(
            @NotNull UUID classTypeId,
            @NotNull UUID locationId,
            UUID roomId,
            @NotNull OffsetDateTime startsAt,
            @Min(5) @Max(1440) Integer durationMinutes,
            @Min(1) @Max(10000) Integer capacity,
            UUID instructorId,
            @Size(max = 500) String meetingUrl) {}

    record SessionPatch(
            UUID roomId,
            OffsetDateTime startsAt,
            @Min(5) @Max(1440) Integer durationMinutes,
            @Min(1) @Max(10000) Integer capacity,
            UUID instructorId,
            UUID substituteInstructorId,
            @Size(max = 500) String meetingUrl) {}

    record CancelRequest(@Size(max = 500) String reason) {}

    record BookRequest(@NotNull UUID clientId, Boolean joinWaitlist, Boolean override) {}

    record CheckInRequest(UUID clientId, UUID bookingId) {}

    @GetMapping("/api/v1/sessions")
    @Operation(summary = "Sessions in a time range, with spots left; clients see the timetable too")
    PageResult<SessionView> list(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) UUID locationId,
            @RequestParam(required = false) UUID instructorId,
            @RequestParam(required = false) UUID classTypeId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean hasSpace,
            @Paged PageQuery page) {
        UUID orgId = access.timetableOf(caller);
        return sessions.list(
                orgId,
                new ClassSessions.Filter(from, to, locationId, instructorId, classTypeId, status, hasSpace),
                page);
    }

    @GetMapping("/api/v1/sessions/{id}")
    @Operation(summary = "One session")
    SessionView get(Caller caller, @PathVariable UUID id) {
        return sessions.get(access.timetableOf(caller), id);
    }

    @PostMapping("/api/v1/sessions")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Create a one-off session")
    ResponseEntity<SessionView> create(CurrentOrganization org, @Valid @RequestBody SessionRequest r) {
        var created = sessions.create(
                org.id(),
                new ClassSessions.SessionFields(
                        r.classTypeId(),
                        r.locationId(),
                        r.roomId(),
                        r.startsAt(),
                        r.durationMinutes(),
                        r.capacity(),
                        r.instructorId(),
                        null,
                        r.meetingUrl()));
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + created.id()))
                .body(created);
    }

    @PatchMapping("/api/v1/sessions/{id}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(
            summary =
                    "Change a session: time, capacity (never below confirmed bookings), instructor or substitute, room, link")
    SessionView update(CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody SessionPatch r) {
        return sessions.update(
                org.id(),
                id,
                new ClassSessions.SessionFields(
                        null,
                        null,
                        r.roomId(),
                        r.startsAt(),
                        r.durationMinutes(),
                        r.capacity(),
                        r.instructorId(),
                        r.substituteInstructorId(),
                        r.meetingUrl()));
    }

    @PostMapping("/api/v1/sessions/{id}/cancel")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Cancel a session: its bookings are cancelled and their credits given back")
    SessionView cancel(CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody CancelRequest r) {
        return sessions.cancel(org.id(), id, r.reason());
    }

    @DeleteMapping("/api/v1/sessions/{id}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Cancel a session (without a reason)")
    SessionView delete(CurrentOrganization org, @PathVariable UUID id) {
        return sessions.cancel(org.id(), id, null);
    }

    @PostMapping("/api/v1/sessions/{id}/bookings")
    @Operation(
            summary =
                    "Book a client (staff) or yourself (client); when full: 409, or a waitlist entry with joinWaitlist")
    ResponseEntity<Bookings.Booking> book(Caller caller, @PathVariable UUID id, @Valid @RequestBody BookRequest r) {
        UUID orgId = caller.requireOrganization();
        boolean override = false;
        if (caller.role() == Role.CLIENT) {
            if (!access.requireSelf(caller).equals(r.clientId())) {
                throw ApiException.forbidden("portal.own_records_only", "Clients book only for themselves");
            }
        } else {
            caller.require(Permission.BOOKING_MANAGE);
            override = Boolean.TRUE.equals(r.override());
        }
        boolean waitlist = Boolean.TRUE.equals(r.joinWaitlist());
        Bookings.Booking booking = bookSession.book(orgId, id, r.clientId(), waitlist, override, caller.userId());
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + booking.id()))
                .body(booking);
    }

    @GetMapping("/api/v1/bookings/{id}")
    @Operation(summary = "One booking (clients: only their own)")
    Bookings.Booking booking(Caller caller, @PathVariable UUID id) {
        Bookings.Booking booking = bookings.get(caller.requireOrganization(), id);
        access.selfOrBookingStaff(caller).ifPresent(self -> {
            if (!self.equals(booking.clientId())) {
                throw ApiException.notFound("Booking");
            }
        });
        return booking;
    }

    @PostMapping("/api/v1/bookings/{id}/cancel")
    @Operation(
            summary =
                    "Cancel a booking; inside the late-cancel window it becomes late_cancelled and the credit is forfeited")
    Bookings.Booking cancelBooking(Caller caller, @PathVariable UUID id) {
        return bookings.cancel(caller.requireOrganization(), id, access.selfOrBookingStaff(caller));
    }

    /** The meeting link of an online session, for its booked clients and its instructors only. */
    record MeetingLink(String meetingUrl, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    @PostMapping("/api/v1/sessions/{id}/join")
    @Operation(
            summary =
                    "The meeting link of an online session: for a booked client or the instructor, from 15 minutes before the start to the end")
    MeetingLink join(Caller caller, @PathVariable UUID id) {
        UUID orgId = caller.requireOrganization();
        SessionView session = sessions.get(orgId, id);
        boolean allowed;
        if (caller.role() == Role.CLIENT) {
            UUID self = access.requireSelf(caller);
            allowed = attendance.roster(orgId, id).stream()
                    .anyMatch(r -> r.clientId().equals(self)
                            && (r.status().equals("confirmed") || r.status().equals("attended")));
        } else {
            allowed = caller.userId().equals(session.instructorId())
                    || caller.userId().equals(session.substituteInstructorId())
                    || caller.can(Permission.SCHEDULE_MANAGE);
        }
        if (!allowed) {
            throw ApiException.forbidden("session.not_participant", "Only booked clients and the instructor may join");
        }
        String url = sessions.meetingUrl(orgId, id)
                .orElseThrow(
                        () -> ApiException.unprocessable("session.not_online", "This session has no meeting link"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isBefore(session.startsAt().minusMinutes(15)) || now.isAfter(session.endsAt())) {
            throw ApiException.unprocessable(
                    "session.join_window_closed", "The link opens 15 minutes before the start and closes at the end");
        }
        return new MeetingLink(url, session.startsAt(), session.endsAt());
    }

    @GetMapping("/api/v1/sessions/{id}/roster")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(summary = "Who is booked, waitlisted and checked in")
    Map<String, List<Attendance.RosterEntry>> roster(CurrentOrganization org, @PathVariable UUID id) {
        return Map.of("data", attendance.roster(org.id(), id));
    }

    @PostMapping("/api/v1/sessions/{id}/check-ins")
    @RequiresPermission(Permission.BOOKING_MANAGE)
    @Operation(summary = "Check in a booked client, or a walk-in while there is space")
    Bookings.Booking checkIn(Caller caller, @PathVariable UUID id, @Valid @RequestBody CheckInRequest r) {
        return attendance.checkIn(caller.requireOrganization(), id, r.bookingId(), r.clientId(), caller.userId());
    }

    @GetMapping("/api/v1/clients/{id}/visits")
    @Operation(summary = "A client's attendance history, newest first, by cursor (clients: their own)")
    Object visits(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
        access.selfOrBookingStaff(caller).ifPresent(self -> {
            if (!self.equals(id)) {
                throw ApiException.notFound("Client");
            }
        });
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.invalidField("page_size", "must be between 1 and 200");
        }
        return attendance.visits(caller.requireOrganization(), id, cursor, pageSize);
    }
}
