package io.wellbase.scheduling.internal.appointments;

import io.wellbase.organizations.Locations;
import io.wellbase.platform.web.ApiException;
import io.wellbase.scheduling.internal.SchedulingSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Free appointment slots for a service: per staff member who offers it, from their working hours
 * at the location, less appointments (with buffers), classes they teach and time off, within the
 * minimum notice and the booking window.
 */
@Service
class Availability {

    static final Duration STEP = Duration.ofMinutes(15);
    static final int MAX_DAYS = 31;

    private final JdbcClient jdbc;
    private final ServiceCatalog services;
    private final Locations locations;
    private final SchedulingSettings settings;
    private final Clock clock;

    Availability(
            JdbcClient jdbc, ServiceCatalog services, Locations locations, SchedulingSettings settings, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.services = services;
        this.locations = locations;
        this.settings = settings;
    }

    /** A bookable slot. */
    record Slot(UUID staffId, UUID locationId, OffsetDateTime start, OffsetDateTime end) {}

    @Transactional(readOnly = true)
    List<Slot> slots(UUID orgId, UUID serviceId, LocalDate from, LocalDate to, UUID staffId, UUID locationId) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiException.invalidField("to", "must be on or after from, at most " + MAX_DAYS + " days later");
        }
        ServiceCatalog.ServiceType service = services.get(orgId, serviceId);
        List<UUID> staff = staffId != null ? List.of(staffId) : service.staffIds();
        if (staffId != null
                && !service.staffIds().isEmpty()
                && !service.staffIds().contains(staffId)) {
            return List.of();
        }
        SchedulingSettings.Rules rules = settings.rules(orgId);
        Instant earliest = Instant.now(clock).plus(Duration.ofMinutes(rules.minNoticeMinutes()));
        Instant latest = Instant.now(clock).plus(Duration.ofDays(rules.bookingWindowDays()));
        Map<UUID, Map<UUID, List<SlotFinder.Shift>>> hours = shifts(orgId, staff, from, to, service, locationId);
        Map<UUID, List<SlotFinder.Interval>> busyByStaff = busy(
                orgId,
                hours.keySet(),
                from.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<UUID, Optional<ZoneId>> zones = new HashMap<>();
        List<Slot> slots = new ArrayList<>();
        for (var byStaff : hours.entrySet()) {
            UUID member = byStaff.getKey();
            for (var byLocation : byStaff.getValue().entrySet()) {
                UUID location = byLocation.getKey();
                Optional<ZoneId> open = zones.computeIfAbsent(
                        location, l -> locations.find(orgId, l).map(info -> ZoneId.of(info.timezone())));
                if (open.isEmpty()) {
                    continue; // working hours at an archived location offer nothing
                }
                ZoneId zone = open.get();
                Instant windowFrom = from.minusDays(1).atStartOfDay(zone).toInstant();
                Instant windowTo = to.plusDays(2).atStartOfDay(zone).toInstant();
                List<SlotFinder.Interval> busy = busyByStaff.getOrDefault(member, List.of()).stream()
                        .filter(i -> i.to().isAfter(windowFrom) && i.from().isBefore(windowTo))
                        .toList();
                for (Instant start : SlotFinder.slots(
                        byLocation.getValue(),
                        zone,
                        from,
                        to,
                        busy,
                        Duration.ofMinutes(service.durationMinutes()),
                        Duration.ofMinutes(service.bufferBeforeMinutes()),
                        Duration.ofMinutes(service.bufferAfterMinutes()),
                        STEP,
                        earliest,
                        latest)) {
                    slots.add(new Slot(
                            member,
                            location,
                            start.atZone(zone).toOffsetDateTime(),
                            start.plus(Duration.ofMinutes(service.durationMinutes()))
                                    .atZone(zone)
                                    .toOffsetDateTime()));
                }
            }
        }
        slots.sort(java.util.Comparator.comparing(Slot::start)
                .thenComparing(s -> s.staffId().toString()));
        return slots;
    }

    /**
     * The working hours (weekly, and one-off ones near the dates) of the staff members, by member and location,
     * in one query; only the locations the service is offered at (and {@code only}, when given).
     */
    private Map<UUID, Map<UUID, List<SlotFinder.Shift>>> shifts(
            UUID orgId, List<UUID> staff, LocalDate from, LocalDate to, ServiceCatalog.ServiceType service, UUID only) {
        Map<UUID, Map<UUID, List<SlotFinder.Shift>>> hours = new LinkedHashMap<>();
        if (staff.isEmpty()) {
            return hours;
        }
        jdbc.sql("""
                SELECT staff_id, location_id, weekday, NULL::date AS date, start_time, end_time FROM staff_working_hours
                WHERE org_id = :org AND staff_id = ANY(:staff)
                UNION ALL
                SELECT staff_id, location_id, 0, on_date, start_time, end_time FROM staff_extra_hours
                WHERE org_id = :org AND staff_id = ANY(:staff)
                  AND on_date BETWEEN CAST(:from AS date) - 1 AND CAST(:to AS date)
                ORDER BY 1, 2
                """)
                .param("org", orgId)
                .param("staff", staff.toArray(UUID[]::new))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    UUID location = rs.getObject(2, UUID.class);
                    if (only != null && !only.equals(location)
                            || !service.locationIds().isEmpty()
                                    && !service.locationIds().contains(location)) {
                        return;
                    }
                    hours.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                            .computeIfAbsent(location, k -> new ArrayList<>())
                            .add(new SlotFinder.Shift(
                                    rs.getInt(3),
                                    rs.getObject(4, LocalDate.class),
                                    rs.getObject(5, java.time.LocalTime.class),
                                    rs.getObject(6, java.time.LocalTime.class)));
                });
        return hours;
    }

    /** Everything that keeps each staff member busy in the window: appointments, classes taught, time off. */
    private Map<UUID, List<SlotFinder.Interval>> busy(
            UUID orgId, java.util.Collection<UUID> staff, Instant from, Instant to) {
        Map<UUID, List<SlotFinder.Interval>> busy = new HashMap<>();
        if (staff.isEmpty()) {
            return busy;
        }
        jdbc.sql("""
                SELECT staff_id, blocked_from AS f, blocked_to AS t FROM appointments
                WHERE org_id = :org AND staff_id = ANY(:staff) AND status IN ('pending', 'confirmed', 'completed')
                  AND blocked_to > :from AND blocked_from < :to
                UNION ALL
                SELECT coalesce(substitute_instructor_id, instructor_id), starts_at, ends_at FROM class_sessions
                WHERE org_id = :org AND coalesce(substitute_instructor_id, instructor_id) = ANY(:staff) AND status = 'scheduled'
                  AND ends_at > :from AND starts_at < :to
                UNION ALL
                SELECT staff_id, starts_at, ends_at FROM staff_time_off
                WHERE org_id = :org AND staff_id = ANY(:staff) AND ends_at > :from AND starts_at < :to
                """)
                .param("org", orgId)
                .param("staff", staff.toArray(UUID[]::new))
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    busy.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SlotFinder.Interval(
                                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                                    rs.getObject(3, OffsetDateTime.class).toInstant()));
                });
        return busy;
    }
}
