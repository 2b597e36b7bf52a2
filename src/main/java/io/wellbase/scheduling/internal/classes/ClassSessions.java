package io.wellbase.scheduling.internal.classes;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.memberships.Entitlements;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.scheduling.SchedulingEvents;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Class sessions: listing with filters, one-off sessions, changes (instructor, substitute, capacity,
 * meeting link) and cancellation, which cancels the bookings and gives their credits back.
 */
@Service
class ClassSessions {

    static final String SELECT = """
            SELECT s.id, s.class_type_id, t.name AS class_type_name, s.schedule_id, s.location_id, s.room_id,
                   s.starts_at, s.ends_at, s.capacity, s.confirmed_count, s.capacity - s.confirmed_count AS spots_left,
                   (SELECT count(*) FROM bookings b WHERE b.org_id = s.org_id AND b.session_id = s.id
                      AND b.status = 'waitlisted')::int AS waitlist_count,
                   s.status, s.cancel_reason, s.instructor_id, s.substitute_instructor_id, s.meeting_url IS NOT NULL AS online
            FROM class_sessions s JOIN class_types t ON t.org_id = s.org_id AND t.id = s.class_type_id
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ClassTypes classTypes;
    private final Locations locations;
    private final Entitlements entitlements;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SearchIndex search;

    ClassSessions(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            ClassTypes classTypes,
            Locations locations,
            Entitlements entitlements,
            AuditTrail audit,
            ApplicationEventPublisher events,
            SearchIndex search) {
        this.search = search;
        this.jdbc = jdbc;
        this.named = named;
        this.classTypes = classTypes;
        this.locations = locations;
        this.entitlements = entitlements;
        this.audit = audit;
        this.events = events;
    }

    /** A one-off session, or the fields of a change (nulls unchanged). */
    record SessionFields(
            UUID classTypeId,
            UUID locationId,
            UUID roomId,
            OffsetDateTime startsAt,
            Integer durationMinutes,
            Integer capacity,
            UUID instructorId,
            UUID substituteInstructorId,
            String meetingUrl) {}

    /** The list filters. */
    record Filter(
            OffsetDateTime from,
            OffsetDateTime to,
            UUID locationId,
            UUID instructorId,
            UUID classTypeId,
            String status,
            Boolean hasSpace) {}

    @Transactional
    SessionView create(UUID orgId, SessionFields f) {
        var type = classTypes.get(orgId, f.classTypeId());
        var location = locations
                .find(orgId, f.locationId())
                .orElseThrow(() -> ApiException.invalidField("locationId", "must be a location of this organization"));
        if (f.roomId() != null && location.room(f.roomId()).isEmpty()) {
            throw ApiException.invalidField("roomId", "must be a room of the location");
        }
        checkInstructor(orgId, "instructorId", f.instructorId());
        int duration = f.durationMinutes() != null ? f.durationMinutes() : type.durationMinutes();
        int capacity = f.capacity() != null ? f.capacity() : type.defaultCapacity();
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO class_sessions (id, org_id, class_type_id, location_id, room_id, starts_at, ends_at, local_date,
                    capacity, instructor_id, meeting_url)
                VALUES (:id, :org, :type, :location, :room, :start, :end, :localDate, :capacity, :instructor, :meeting)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("type", type.id())
                .param("location", location.id())
                .param("room", f.roomId())
                .param("start", f.startsAt())
                .param("end", f.startsAt().plusMinutes(duration))
                .param(
                        "localDate",
                        f.startsAt()
                                .atZoneSameInstant(ZoneId.of(location.timezone()))
                                .toLocalDate())
                .param("capacity", capacity)
                .param("instructor", f.instructorId())
                .param("meeting", f.meetingUrl())
                .update();
        search.changed(SearchType.SESSION, orgId, id);
        SessionView created = get(orgId, id);
        audit.record(AuditRecord.of(orgId, "session.created", "session", id, AuditChange.created(snapshot(created))));
        return created;
    }

    @Transactional(readOnly = true)
    SessionView get(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE s.org_id = :org AND s.id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(SessionView.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Session"));
    }

    @Transactional(readOnly = true)
    PageResult<SessionView> list(UUID orgId, Filter f, PageQuery page) {
        MapSqlParameterSource p = new MapSqlParameterSource("org", orgId);
        StringBuilder where = new StringBuilder(" WHERE s.org_id = :org");
        if (f.from() != null) {
            where.append(" AND s.starts_at >= :from");
            p.addValue("from", f.from());
        }
        if (f.to() != null) {
            where.append(" AND s.starts_at < :to");
            p.addValue("to", f.to());
        }
        if (f.locationId() != null) {
            where.append(" AND s.location_id = :location");
            p.addValue("location", f.locationId());
        }
        if (f.instructorId() != null) {
            where.append(" AND coalesce(s.substitute_instructor_id, s.instructor_id) = :instructor");
            p.addValue("instructor", f.instructorId());
        }
        if (f.classTypeId() != null) {
            where.append(" AND s.class_type_id = :type");
            p.addValue("type", f.classTypeId());
        }
        if (f.status() != null) {
            SessionStatus status = SessionStatus.parse(f.status())
                    .orElseThrow(() -> ApiException.invalidField("status", "must be scheduled or cancelled"));
            where.append(" AND s.status = :status");
            p.addValue("status", status.value());
        }
        if (Boolean.TRUE.equals(f.hasSpace())) {
            where.append(" AND s.confirmed_count < s.capacity AND s.status = :scheduled");
            p.addValue("scheduled", SessionStatus.SCHEDULED.value());
        }
        p.addValue("limit", page.pageSize()).addValue("offset", page.offset());
        List<SessionView> rows = named.query(
                SELECT + where + " ORDER BY s.starts_at, s.id LIMIT :limit OFFSET :offset",
                p,
                new org.springframework.jdbc.core.DataClassRowMapper<>(SessionView.class));
        Long total = named.queryForObject("SELECT count(*) FROM class_sessions s" + where, p, Long.class);
        return PageResult.of(rows, page, total == null ? 0 : total);
    }

    @Transactional
    SessionView update(UUID orgId, UUID id, SessionFields patch) {
        lock(orgId, id);
        SessionView current = get(orgId, id);
        if (patch.capacity() != null && patch.capacity() < current.confirmedCount()) {
            throw ApiException.unprocessable(
                    "session.capacity_below_bookings",
                    "Capacity cannot go below the " + current.confirmedCount() + " confirmed bookings");
        }
        checkInstructor(orgId, "instructorId", patch.instructorId());
        checkInstructor(orgId, "substituteInstructorId", patch.substituteInstructorId());
        OffsetDateTime start = patch.startsAt() != null ? patch.startsAt() : current.startsAt();
        long minutes =
                java.time.Duration.between(current.startsAt(), current.endsAt()).toMinutes();
        int duration = patch.durationMinutes() != null ? patch.durationMinutes() : (int) minutes;
        jdbc.sql("""
                UPDATE class_sessions SET starts_at = :start, ends_at = :end, capacity = :capacity,
                    instructor_id = :instructor, substitute_instructor_id = :substitute,
                    meeting_url = coalesce(:meeting, meeting_url), room_id = coalesce(:room, room_id),
                    updated_at = now(), version = version + 1
                WHERE org_id = :org AND id = :id
                """)
                .param("start", start)
                .param("end", start.plusMinutes(duration))
                .param("capacity", patch.capacity() != null ? patch.capacity() : current.capacity())
                .param("instructor", patch.instructorId() != null ? patch.instructorId() : current.instructorId())
                .param(
                        "substitute",
                        patch.substituteInstructorId() != null
                                ? patch.substituteInstructorId()
                                : current.substituteInstructorId())
                .param("meeting", patch.meetingUrl())
                .param("room", patch.roomId())
                .param("org", orgId)
                .param("id", id)
                .update();
        search.changed(SearchType.SESSION, orgId, id);
        SessionView updated = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId, "session.updated", "session", id, AuditChange.diff(snapshot(current), snapshot(updated))));
        return updated;
    }

    @Transactional
    SessionView cancel(UUID orgId, UUID id, String reason) {
        lock(orgId, id);
        SessionView session = get(orgId, id);
        SessionStatus from = SessionStatus.of(session.status());
        if (!from.canBecome(SessionStatus.CANCELLED)) {
            throw ApiException.conflict("session.already_cancelled", "The session is already " + from.value());
        }
        List<Map<String, Object>> active =
                jdbc.sql("""
                UPDATE bookings SET status = 'cancelled', cancelled_at = now()
                WHERE org_id = :org AND session_id = :id AND status IN ('confirmed', 'waitlisted')
                RETURNING id, client_id
                """).param("org", orgId).param("id", id).query().listOfRows();
        for (Map<String, Object> b : active) {
            UUID bookingId = (UUID) b.get("id");
            entitlements.release(orgId, bookingId);
            events.publishEvent(new SchedulingEvents.BookingCancelled(
                    orgId, bookingId, id, (UUID) b.get("client_id"), false, session.startsAt()));
        }
        jdbc.sql("""
                UPDATE class_sessions SET status = :status, cancel_reason = :reason, confirmed_count = 0,
                    updated_at = now(), version = version + 1
                WHERE org_id = :org AND id = :id AND status IN (:from)
                """)
                .param("status", SessionStatus.CANCELLED.value())
                .param("reason", reason)
                .param("from", SessionStatus.CANCELLED.reachableFrom())
                .param("org", orgId)
                .param("id", id)
                .update();
        search.changed(SearchType.SESSION, orgId, id);
        audit.record(AuditRecord.of(
                orgId,
                "session.cancelled",
                "session",
                id,
                Map.of(
                        "status", new AuditChange(from.value(), SessionStatus.CANCELLED.value()),
                        "reason", new AuditChange(null, reason),
                        "bookingsCancelled", new AuditChange(null, active.size()))));
        events.publishEvent(new SchedulingEvents.SessionCancelled(orgId, id, reason, session.startsAt()));
        return get(orgId, id);
    }

    java.util.Optional<String> meetingUrl(UUID orgId, UUID id) {
        return jdbc.sql(
                        "SELECT meeting_url FROM class_sessions WHERE org_id = :org AND id = :id AND meeting_url IS NOT NULL")
                .param("org", orgId)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    void lock(UUID orgId, UUID id) {
        jdbc.sql("SELECT id FROM class_sessions WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", orgId)
                .param("id", id)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Session"));
    }

    private void checkInstructor(UUID orgId, String field, UUID userId) {
        if (userId != null && !locations.isStaff(orgId, userId)) {
            throw ApiException.invalidField(field, "must be a staff member of this organization");
        }
    }

    private static Map<String, Object> snapshot(SessionView s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("startsAt", s.startsAt());
        map.put("endsAt", s.endsAt());
        map.put("capacity", s.capacity());
        map.put("instructorId", s.instructorId());
        map.put("substituteInstructorId", s.substituteInstructorId());
        map.put("roomId", s.roomId());
        return map;
    }
}
