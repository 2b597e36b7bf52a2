package io.wellbase.scheduling.internal.classes;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recurring class schedules: weekly rules in the location's time zone. Sessions are generated for a
 * rolling horizon when a schedule is made or changed and by a daily job. A change rewrites future
 * sessions that have no bookings and reports the ones it left alone.
 */
@Service
public class Schedules {

    static final int HORIZON_WEEKS = 12;

    private final JdbcClient jdbc;
    private final ClassTypes classTypes;
    private final Locations locations;
    private final AuditTrail audit;
    private final Clock clock;
    private final SearchIndex search;

    Schedules(
            JdbcClient jdbc,
            ClassTypes classTypes,
            Locations locations,
            AuditTrail audit,
            Clock clock,
            SearchIndex search) {
        this.search = search;
        this.jdbc = jdbc;
        this.classTypes = classTypes;
        this.locations = locations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A schedule as the API shows it (and as a request carries it). */
    public record Schedule(
            UUID id,
            UUID classTypeId,
            UUID locationId,
            UUID roomId,
            List<Integer> weekdays,
            LocalTime startTime,
            Integer durationMinutes,
            Integer capacity,
            List<UUID> instructorIds,
            LocalDate firstDate,
            LocalDate lastDate,
            String timezone) {}

    /** The answer to a change: the schedule and the future sessions that kept their old shape because they have bookings. */
    public record Change(Schedule schedule, int sessionsUpdated, List<UUID> sessionsNotChanged) {}

    @Transactional
    public Change create(UUID orgId, Schedule s) {
        var type = classTypes.get(orgId, s.classTypeId());
        var location = locations
                .find(orgId, s.locationId())
                .orElseThrow(() -> ApiException.invalidField("locationId", "must be a location of this organization"));
        validate(orgId, s, location);
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO class_schedules (id, org_id, class_type_id, location_id, room_id, weekdays, start_time,
                    duration_minutes, capacity, instructor_ids, first_date, last_date, timezone)
                VALUES (:id, :org, :type, :location, :room, :weekdays, :start, :duration, :capacity, :instructors,
                    :first, :last, :tz)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("type", type.id())
                .param("location", location.id())
                .param("room", s.roomId())
                .param(
                        "weekdays",
                        s.weekdays().stream().map(Integer::shortValue).toArray(Short[]::new))
                .param("start", s.startTime())
                .param("duration", s.durationMinutes() != null ? s.durationMinutes() : type.durationMinutes())
                .param("capacity", s.capacity() != null ? s.capacity() : type.defaultCapacity())
                .param(
                        "instructors",
                        (s.instructorIds() == null ? List.<UUID>of() : s.instructorIds()).toArray(UUID[]::new))
                .param("first", s.firstDate())
                .param("last", s.lastDate())
                .param("tz", location.timezone())
                .update();
        int generated = generate(orgId, id, horizon());
        Schedule created = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId,
                "schedule.created",
                "schedule",
                id,
                AuditChange.created(Map.of(
                        "weekdays",
                        created.weekdays(),
                        "startTime",
                        created.startTime().toString(),
                        "sessions",
                        generated))));
        return new Change(created, generated, List.of());
    }

    @Transactional
    Change update(UUID orgId, UUID id, Schedule patch) {
        Schedule current = get(orgId, id);
        Schedule next = new Schedule(
                id,
                current.classTypeId(),
                current.locationId(),
                patch.roomId() != null ? patch.roomId() : current.roomId(),
                patch.weekdays() != null ? patch.weekdays() : current.weekdays(),
                patch.startTime() != null ? patch.startTime() : current.startTime(),
                patch.durationMinutes() != null ? patch.durationMinutes() : current.durationMinutes(),
                patch.capacity() != null ? patch.capacity() : current.capacity(),
                patch.instructorIds() != null ? patch.instructorIds() : current.instructorIds(),
                current.firstDate(),
                patch.lastDate() != null ? patch.lastDate() : current.lastDate(),
                current.timezone());
        validate(
                orgId,
                next,
                locations
                        .find(orgId, current.locationId())
                        .orElseThrow(() -> ApiException.conflict(
                                "schedule.location_archived",
                                "The schedule's location is archived; the schedule can only be archived")));
        jdbc.sql("""
                UPDATE class_schedules SET room_id = :room, weekdays = :weekdays, start_time = :start,
                    duration_minutes = :duration, capacity = :capacity, instructor_ids = :instructors, last_date = :last,
                    updated_at = now()
                WHERE org_id = :org AND id = :id
                """)
                .param("room", next.roomId())
                .param(
                        "weekdays",
                        next.weekdays().stream().map(Integer::shortValue).toArray(Short[]::new))
                .param("start", next.startTime())
                .param("duration", next.durationMinutes())
                .param("capacity", next.capacity())
                .param("instructors", next.instructorIds().toArray(UUID[]::new))
                .param("last", next.lastDate())
                .param("org", orgId)
                .param("id", id)
                .update();
        List<UUID> kept = jdbc.sql("""
                SELECT s.id FROM class_sessions s
                WHERE s.org_id = :org AND s.schedule_id = :id AND s.starts_at > now() AND s.status = :scheduled
                  AND EXISTS (SELECT 1 FROM bookings b WHERE b.org_id = s.org_id AND b.session_id = s.id)
                ORDER BY s.starts_at
                """)
                .param("org", orgId)
                .param("id", id)
                .param("scheduled", SessionStatus.SCHEDULED.value())
                .query(UUID.class)
                .list();
        List<UUID> removedIds = jdbc.sql("""
                DELETE FROM class_sessions s
                WHERE s.org_id = :org AND s.schedule_id = :id AND s.starts_at > now() AND s.status = :scheduled
                  AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.org_id = s.org_id AND b.session_id = s.id)
                RETURNING s.id
                """)
                .param("org", orgId)
                .param("id", id)
                .param("scheduled", SessionStatus.SCHEDULED.value())
                .query(UUID.class)
                .list();
        search.changed(SearchType.SESSION, orgId, removedIds);
        int removed = removedIds.size();
        int generated = generate(orgId, id, horizon());
        audit.record(AuditRecord.of(
                orgId, "schedule.updated", "schedule", id, AuditChange.diff(snapshot(current), snapshot(next))));
        return new Change(get(orgId, id), Math.max(removed, generated), kept);
    }

    @Transactional
    Change archive(UUID orgId, UUID id) {
        get(orgId, id);
        jdbc.sql("UPDATE class_schedules SET archived_at = now() WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .update();
        List<UUID> kept = jdbc.sql("""
                SELECT s.id FROM class_sessions s WHERE s.org_id = :org AND s.schedule_id = :id AND s.starts_at > now()
                  AND EXISTS (SELECT 1 FROM bookings b WHERE b.org_id = s.org_id AND b.session_id = s.id)
                """)
                .param("org", orgId)
                .param("id", id)
                .query(UUID.class)
                .list();
        List<UUID> removedIds = jdbc.sql("""
                DELETE FROM class_sessions s WHERE s.org_id = :org AND s.schedule_id = :id AND s.starts_at > now()
                  AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.org_id = s.org_id AND b.session_id = s.id)
                RETURNING s.id
                """)
                .param("org", orgId)
                .param("id", id)
                .query(UUID.class)
                .list();
        search.changed(SearchType.SESSION, orgId, removedIds);
        int removed = removedIds.size();
        audit.record(AuditRecord.of(orgId, "schedule.archived", "schedule", id, Map.of()));
        return new Change(get(orgId, id), removed, kept);
    }

    @Transactional(readOnly = true)
    Schedule get(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM class_schedules WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query((rs, n) -> schedule(rs))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Schedule"));
    }

    @Transactional(readOnly = true)
    List<Schedule> list(UUID orgId) {
        return jdbc.sql(
                        "SELECT * FROM class_schedules WHERE org_id = :org AND archived_at IS NULL ORDER BY created_at, id")
                .param("org", orgId)
                .query((rs, n) -> schedule(rs))
                .list();
    }

    /** The last date sessions are generated for: {@value #HORIZON_WEEKS} weeks from today. */
    LocalDate horizon() {
        return LocalDate.now(clock).plusWeeks(HORIZON_WEEKS);
    }

    /** Creates the missing sessions of one schedule up to {@code until}; existing dates are left alone. */
    int generate(UUID orgId, UUID scheduleId, LocalDate until) {
        Schedule s = get(orgId, scheduleId);
        Set<DayOfWeek> days = s.weekdays().stream()
                .map(DayOfWeek::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        ZoneId zone = ZoneId.of(s.timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<UUID> createdIds = new java.util.ArrayList<>();
        for (Recurrence.Occurrence o : Recurrence.expand(
                days, s.startTime(), s.durationMinutes(), zone, s.firstDate(), s.lastDate(), today, until)) {
            if (o.startsAt().toInstant().isBefore(clock.instant())) {
                continue;
            }
            UUID sessionId = Ids.newId();
            int inserted = jdbc.sql("""
                    INSERT INTO class_sessions (id, org_id, class_type_id, schedule_id, location_id, room_id, starts_at,
                        ends_at, local_date, capacity, instructor_id)
                    VALUES (:id, :org, :type, :schedule, :location, :room, :start, :end, :day, :capacity, :instructor)
                    ON CONFLICT (schedule_id, local_date) DO NOTHING
                    """)
                    .param("id", sessionId)
                    .param("org", orgId)
                    .param("type", s.classTypeId())
                    .param("schedule", scheduleId)
                    .param("location", s.locationId())
                    .param("room", s.roomId())
                    .param("start", o.startsAt())
                    .param("end", o.endsAt())
                    .param("day", o.localDate())
                    .param("capacity", s.capacity())
                    .param(
                            "instructor",
                            s.instructorIds().isEmpty()
                                    ? null
                                    : s.instructorIds().getFirst())
                    .update();
            if (inserted == 1) {
                createdIds.add(sessionId);
            }
        }
        search.changed(SearchType.SESSION, orgId, createdIds);
        return createdIds.size();
    }

    private void validate(UUID orgId, Schedule s, Locations.LocationInfo location) {
        if (s.weekdays() == null
                || s.weekdays().isEmpty()
                || s.weekdays().stream().anyMatch(d -> d < 1 || d > 7)) {
            throw ApiException.invalidField("weekdays", "must list ISO weekdays from 1 (Monday) to 7 (Sunday)");
        }
        if (s.roomId() != null && location.room(s.roomId()).isEmpty()) {
            throw ApiException.invalidField("roomId", "must be a room of the location");
        }
        if (s.lastDate() != null && s.lastDate().isBefore(s.firstDate())) {
            throw ApiException.invalidField("lastDate", "must not be before firstDate");
        }
        for (UUID instructor : s.instructorIds() == null ? List.<UUID>of() : s.instructorIds()) {
            if (!locations.isStaff(orgId, instructor)) {
                throw ApiException.invalidField("instructorIds", "must be staff members of this organization");
            }
        }
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        Array weekdays = rs.getArray("weekdays");
        Array instructors = rs.getArray("instructor_ids");
        return new Schedule(
                rs.getObject("id", UUID.class),
                rs.getObject("class_type_id", UUID.class),
                rs.getObject("location_id", UUID.class),
                rs.getObject("room_id", UUID.class),
                Arrays.stream((Short[]) weekdays.getArray())
                        .map(Short::intValue)
                        .toList(),
                rs.getObject("start_time", LocalTime.class),
                rs.getInt("duration_minutes"),
                rs.getInt("capacity"),
                Arrays.asList((UUID[]) instructors.getArray()),
                rs.getObject("first_date", LocalDate.class),
                rs.getObject("last_date", LocalDate.class),
                rs.getString("timezone"));
    }

    private static Map<String, Object> snapshot(Schedule s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("weekdays", s.weekdays());
        map.put("startTime", s.startTime().toString());
        map.put("durationMinutes", s.durationMinutes());
        map.put("capacity", s.capacity());
        map.put("instructorIds", s.instructorIds());
        map.put("roomId", s.roomId());
        map.put("lastDate", s.lastDate());
        return map;
    }
}
