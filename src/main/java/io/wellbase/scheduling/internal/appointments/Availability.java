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
import java.util.List;
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

    Availability(JdbcClient jdbc, ServiceCatalog services, Locations locations, SchedulingSettings settings,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.services = services;
        this.locations = locations;
        this.settings = settings;
    }

    /** A bookable slot. */
    record Slot(UUID staffId, UUID locationId, OffsetDateTime start, OffsetDateTime end) {
    }

    @Transactional(readOnly = true)
    List<Slot> slots(UUID orgId, UUID serviceId, LocalDate from, LocalDate to, UUID staffId, UUID locationId) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiException.invalidField("to", "must be on or after from, at most " + MAX_DAYS + " days later");
        }
        ServiceCatalog.ServiceType service = services.get(orgId, serviceId);
        List<UUID> staff = staffId != null ? List.of(staffId) : service.staffIds();
        if (staffId != null && !service.staffIds().isEmpty() && !service.staffIds().contains(staffId)) {
            return List.of();
        }
        SchedulingSettings.Rules rules = settings.rules(orgId);
        Instant earliest = Instant.now(clock).plus(Duration.ofMinutes(rules.minNoticeMinutes()));
        Instant latest = Instant.now(clock).plus(Duration.ofDays(rules.bookingWindowDays()));
        List<Slot> slots = new ArrayList<>();
        for (UUID member : staff) {
            for (UUID location : locationsOf(orgId, member, service, locationId)) {
                var open = locations.find(orgId, location);
                if (open.isEmpty()) {
                    continue; // working hours at an archived location offer nothing
                }
                ZoneId zone = ZoneId.of(open.get().timezone());
                List<SlotFinder.Shift> shifts = jdbc.sql("""
                        SELECT weekday, NULL::date AS date, start_time AS start, end_time AS "end" FROM staff_working_hours
                        WHERE org_id = :org AND staff_id = :staff AND location_id = :location
                        UNION ALL
                        SELECT 0, on_date, start_time, end_time FROM staff_extra_hours
                        WHERE org_id = :org AND staff_id = :staff AND location_id = :location
                          AND on_date BETWEEN CAST(:from AS date) - 1 AND CAST(:to AS date)
                        """).param("org", orgId).param("staff", member).param("location", location)
                        .param("from", from).param("to", to)
                        .query((rs, n) -> new SlotFinder.Shift(rs.getInt(1), rs.getObject(2, LocalDate.class),
                                rs.getObject(3, java.time.LocalTime.class), rs.getObject(4, java.time.LocalTime.class)))
                        .list();
                Instant windowFrom = from.minusDays(1).atStartOfDay(zone).toInstant();
                Instant windowTo = to.plusDays(2).atStartOfDay(zone).toInstant();
                List<SlotFinder.Interval> busy = busy(orgId, member, windowFrom, windowTo);
                for (Instant start : SlotFinder.slots(shifts, zone, from, to, busy,
                        Duration.ofMinutes(service.durationMinutes()), Duration.ofMinutes(service.bufferBeforeMinutes()),
                        Duration.ofMinutes(service.bufferAfterMinutes()), STEP, earliest, latest)) {
                    slots.add(new Slot(member, location, start.atZone(zone).toOffsetDateTime(),
                            start.plus(Duration.ofMinutes(service.durationMinutes())).atZone(zone).toOffsetDateTime()));
                }
            }
        }
        slots.sort(java.util.Comparator.comparing(Slot::start).thenComparing(s -> s.staffId().toString()));
        return slots;
    }

    private List<UUID> locationsOf(UUID orgId, UUID staff, ServiceCatalog.ServiceType service, UUID only) {
        List<UUID> worked = jdbc.sql("""
                SELECT location_id FROM staff_working_hours WHERE org_id = :org AND staff_id = :staff
                UNION SELECT location_id FROM staff_extra_hours WHERE org_id = :org AND staff_id = :staff
                """)
                .param("org", orgId).param("staff", staff).query(UUID.class).list();
        return worked.stream().filter(l -> only == null || l.equals(only))
                .filter(l -> service.locationIds().isEmpty() || service.locationIds().contains(l)).toList();
    }

    /** Everything that keeps a staff member busy in the window: appointments, classes taught, time off. */
    List<SlotFinder.Interval> busy(UUID orgId, UUID staff, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT blocked_from AS f, blocked_to AS t FROM appointments
                WHERE org_id = :org AND staff_id = :staff AND status IN ('pending', 'confirmed', 'completed')
                  AND blocked_to > :from AND blocked_from < :to
                UNION ALL
                SELECT starts_at, ends_at FROM class_sessions
                WHERE org_id = :org AND coalesce(substitute_instructor_id, instructor_id) = :staff AND status = 'scheduled'
                  AND ends_at > :from AND starts_at < :to
                UNION ALL
                SELECT starts_at, ends_at FROM staff_time_off
                WHERE org_id = :org AND staff_id = :staff AND ends_at > :from AND starts_at < :to
                """).param("org", orgId).param("staff", staff)
                .param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new SlotFinder.Interval(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }
}
