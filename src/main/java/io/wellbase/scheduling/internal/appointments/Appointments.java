package io.wellbase.scheduling.internal.appointments;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import io.wellbase.scheduling.SchedulingEvents;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1:1 appointments. The requested time must be a free slot of the staff member (working hours,
 * buffers, classes, time off); overlaps are made impossible by exclusion constraints in the
 * database, so two requests racing for one slot leave exactly one appointment and a 409.
 */
@Service
public class Appointments {

    private final JdbcClient jdbc;
    private final ServiceCatalog services;
    private final Availability availability;
    private final ClientDirectory clients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Locations locations;

    Appointments(
            JdbcClient jdbc,
            ServiceCatalog services,
            Availability availability,
            ClientDirectory clients,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Locations locations) {
        this.locations = locations;
        this.jdbc = jdbc;
        this.services = services;
        this.availability = availability;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
    }

    /** An appointment as the API shows it. */
    public record Appointment(
            UUID id,
            UUID serviceId,
            UUID staffId,
            UUID clientId,
            UUID locationId,
            UUID roomId,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String status,
            String notes,
            OffsetDateTime createdAt) {}

    private static final String SELECT = """
            SELECT id, service_id, staff_id, client_id, location_id, room_id, starts_at, ends_at, status, notes, created_at
            FROM appointments
            """;

    @Transactional
    public Appointment book(
            UUID orgId,
            UUID serviceId,
            UUID staffId,
            UUID clientId,
            OffsetDateTime start,
            String notes,
            boolean byStaff,
            UUID by) {
        return book(orgId, serviceId, staffId, null, clientId, start, notes, byStaff, by);
    }

    @Transactional
    Appointment book(
            UUID orgId,
            UUID serviceId,
            UUID staffId,
            UUID roomId,
            UUID clientId,
            OffsetDateTime start,
            String notes,
            boolean byStaff,
            UUID by) {
        clients.find(orgId, clientId)
                .orElseThrow(() -> ApiException.invalidField("clientId", "must be a client of this organization"));
        var service = services.get(orgId, serviceId);
        var slot = findSlot(orgId, serviceId, staffId, start)
                .orElseThrow(() -> ApiException.conflict(
                        "appointment.slot_unavailable",
                        "That time is not free for " + (staffId == null ? "any staff member" : "this staff member")
                                + "; ask /availability for free slots"));
        if (roomId != null
                && locations
                        .find(orgId, slot.locationId())
                        .flatMap(l -> l.room(roomId))
                        .isEmpty()) {
            throw ApiException.invalidField("roomId", "must be a room of the appointment's location");
        }
        String status = service.needsConfirmation() && !byStaff ? "pending" : "confirmed";
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                    INSERT INTO appointments (id, org_id, service_id, staff_id, client_id, location_id, room_id, starts_at,
                        ends_at, blocked_from, blocked_to, status, notes, booked_by)
                    VALUES (:id, :org, :service, :staff, :client, :location, :room, :start, :end,
                        :start - make_interval(mins => :before), :end + make_interval(mins => :after), :status, :notes, :by)
                    """)
                    .param("id", id)
                    .param("org", orgId)
                    .param("service", serviceId)
                    .param("staff", slot.staffId())
                    .param("client", clientId)
                    .param("location", slot.locationId())
                    .param("room", roomId)
                    .param("start", slot.start())
                    .param("end", slot.end())
                    .param("before", service.bufferBeforeMinutes())
                    .param("after", service.bufferAfterMinutes())
                    .param("status", status)
                    .param("notes", notes)
                    .param("by", by)
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw conflict(e);
        }
        audit.record(AuditRecord.of(
                orgId,
                "appointment.booked",
                "appointment",
                id,
                AuditChange.created(Map.of(
                        "serviceId",
                        serviceId,
                        "staffId",
                        slot.staffId(),
                        "clientId",
                        clientId,
                        "startsAt",
                        slot.start()))));
        events.publishEvent(new SchedulingEvents.AppointmentBooked(orgId, id, clientId, slot.staffId(), slot.start()));
        return get(orgId, id);
    }

    @Transactional
    Appointment reschedule(UUID orgId, UUID id, OffsetDateTime newStart, Optional<UUID> onlyForClient) {
        Appointment current = lockedActive(orgId, id, onlyForClient);
        var service = services.get(orgId, current.serviceId());
        jdbc.sql("UPDATE appointments SET status = 'cancelled' WHERE id = :id")
                .param("id", id)
                .update();
        var slot = findSlot(orgId, current.serviceId(), current.staffId(), newStart)
                .orElseThrow(() -> ApiException.conflict(
                        "appointment.slot_unavailable", "That time is not free for this staff member"));
        try {
            jdbc.sql("""
                    UPDATE appointments SET status = :status, starts_at = :start, ends_at = :end,
                        blocked_from = :start - make_interval(mins => :before), blocked_to = :end + make_interval(mins => :after),
                        updated_at = now()
                    WHERE id = :id
                    """)
                    .param("status", current.status())
                    .param("start", slot.start())
                    .param("end", slot.end())
                    .param("before", service.bufferBeforeMinutes())
                    .param("after", service.bufferAfterMinutes())
                    .param("id", id)
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw conflict(e);
        }
        audit.record(AuditRecord.of(
                orgId,
                "appointment.rescheduled",
                "appointment",
                id,
                Map.of("startsAt", new AuditChange(current.startsAt(), slot.start()))));
        events.publishEvent(new SchedulingEvents.AppointmentRescheduled(orgId, id, current.startsAt(), slot.start()));
        return get(orgId, id);
    }

    @Transactional
    Appointment cancel(UUID orgId, UUID id, String reason, Optional<UUID> onlyForClient) {
        Appointment current = lockedActive(orgId, id, onlyForClient);
        jdbc.sql(
                        "UPDATE appointments SET status = 'cancelled', cancel_reason = :reason, updated_at = now() WHERE id = :id")
                .param("reason", reason)
                .param("id", id)
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "appointment.cancelled",
                "appointment",
                id,
                Map.of("status", new AuditChange(current.status(), "cancelled"))));
        events.publishEvent(new SchedulingEvents.AppointmentCancelled(orgId, id, current.clientId()));
        return get(orgId, id);
    }

    @Transactional
    Appointment setStatus(UUID orgId, UUID id, String status, String notes) {
        Appointment current = jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Appointment.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Appointment"));
        if (status != null) {
            AppointmentStatus next = AppointmentStatus.parse(status)
                    .filter(s -> s == AppointmentStatus.CONFIRMED
                            || s == AppointmentStatus.COMPLETED
                            || s == AppointmentStatus.NO_SHOW)
                    .orElseThrow(() -> ApiException.invalidField(
                            "status", "must be confirmed, completed or no_show (cancel has its own endpoint)"));
            AppointmentStatus from = AppointmentStatus.of(current.status());
            if (next != from && !from.canBecome(next)) {
                throw ApiException.conflict(
                        "appointment.invalid_transition",
                        "An appointment that is " + from.value() + " cannot become " + next.value());
            }
        }
        jdbc.sql(
                        "UPDATE appointments SET status = coalesce(:status, status), notes = coalesce(:notes, notes), updated_at = now() WHERE id = :id")
                .param("status", status)
                .param("notes", notes)
                .param("id", id)
                .update();
        Appointment updated = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId,
                "appointment.updated",
                "appointment",
                id,
                AuditChange.diff(
                        Map.of("status", current.status(), "notes", String.valueOf(current.notes())),
                        Map.of("status", updated.status(), "notes", String.valueOf(updated.notes())))));
        return updated;
    }

    @Transactional(readOnly = true)
    Appointment get(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Appointment.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Appointment"));
    }

    @Transactional(readOnly = true)
    List<Appointment> list(UUID orgId, OffsetDateTime from, OffsetDateTime to, UUID staffId, UUID clientId) {
        return jdbc.sql(SELECT + """
                 WHERE org_id = :org AND (CAST(:from AS timestamptz) IS NULL OR starts_at >= :from)
                   AND (CAST(:to AS timestamptz) IS NULL OR starts_at < :to)
                   AND (CAST(:staff AS uuid) IS NULL OR staff_id = :staff)
                   AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
                 ORDER BY starts_at, id LIMIT 500
                """)
                .param("org", orgId)
                .param("from", from)
                .param("to", to)
                .param("staff", staffId)
                .param("client", clientId)
                .query(Rows.of(Appointment.class))
                .list();
    }

    private Optional<Availability.Slot> findSlot(UUID orgId, UUID serviceId, UUID staffId, OffsetDateTime start) {
        LocalDate day = start.toLocalDate();
        return availability.slots(orgId, serviceId, day.minusDays(1), day.plusDays(1), staffId, null).stream()
                .filter(s -> s.start().toInstant().equals(start.toInstant()))
                .findFirst();
    }

    private Appointment lockedActive(UUID orgId, UUID id, Optional<UUID> onlyForClient) {
        Appointment current = jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Appointment.class))
                .optional()
                .filter(a -> onlyForClient.isEmpty() || onlyForClient.get().equals(a.clientId()))
                .orElseThrow(() -> ApiException.notFound("Appointment"));
        if (!AppointmentStatus.of(current.status()).active()) {
            throw ApiException.conflict("appointment.not_active", "The appointment is already " + current.status());
        }
        return current;
    }

    /** The database refused an overlap (a race the availability check could not see); names which one. */
    private static ApiException conflict(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.contains("appointments_room_no_overlap")
                ? ApiException.conflict("appointment.room_overlap", "The room is already booked at that time")
                : ApiException.conflict("appointment.staff_overlap", "The staff member is already booked at that time");
    }
}
