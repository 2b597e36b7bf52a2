package io.wellbase.scheduling.internal.appointments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.scheduling.internal.PortalAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
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
 * Services, staff hours, availability and appointments.
 */
@RestController
@Tag(name = "Appointments")
class AppointmentsController {

    private final ServiceCatalog services;
    private final Availability availability;
    private final Appointments appointments;
    private final PortalAccess access;

    AppointmentsController(
            ServiceCatalog services, Availability availability, Appointments appointments, PortalAccess access) {
        this.services = services;
        this.availability = availability;
        this.appointments = appointments;
        this.access = access;
    }

    record ServiceRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull @Min(5) @Max(1440) Integer durationMinutes,
            @Min(0) @Max(240) Integer bufferBeforeMinutes,
            @Min(0) @Max(240) Integer bufferAfterMinutes,
            @Min(0) Long priceAmount,
            @NotBlank @Size(min = 3, max = 3) String currency,
            Boolean needsConfirmation,
            @Size(max = 100) List<UUID> staffIds,
            @Size(max = 100) List<UUID> locationIds) {}

    record AppointmentRequest(
            @NotNull UUID serviceId,
            UUID staffId,
            UUID roomId,
            @NotNull UUID clientId,
            @NotNull OffsetDateTime start,
            @Size(max = 2000) String notes) {}

    record AppointmentPatch(String status, @Size(max = 2000) String notes) {}

    record RescheduleRequest(@NotNull OffsetDateTime newStart) {}

    record CancelRequest(@Size(max = 500) String reason) {}

    @PostMapping("/api/v1/services")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Define a service (1:1 appointment type)")
    ResponseEntity<ServiceCatalog.ServiceType> createService(
            CurrentOrganization org, @Valid @RequestBody ServiceRequest r) {
        var created = services.create(
                org.id(),
                new ServiceCatalog.ServiceType(
                        null,
                        r.name(),
                        r.description(),
                        r.durationMinutes(),
                        r.bufferBeforeMinutes() == null ? 0 : r.bufferBeforeMinutes(),
                        r.bufferAfterMinutes() == null ? 0 : r.bufferAfterMinutes(),
                        r.priceAmount() == null ? 0 : r.priceAmount(),
                        r.currency(),
                        Boolean.TRUE.equals(r.needsConfirmation()),
                        r.staffIds() == null ? List.of() : r.staffIds(),
                        r.locationIds() == null ? List.of() : r.locationIds()));
        return ResponseEntity.created(URI.create("/api/v1/services/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/services")
    @Operation(summary = "Services (clients see them too, to book)")
    Map<String, List<ServiceCatalog.ServiceType>> listServices(Caller caller) {
        return Map.of("data", services.list(access.timetableOf(caller)));
    }

    @GetMapping("/api/v1/services/{id}")
    @Operation(summary = "One service")
    ServiceCatalog.ServiceType getService(Caller caller, @PathVariable UUID id) {
        return services.get(access.timetableOf(caller), id);
    }

    @DeleteMapping("/api/v1/services/{id}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Archive a service")
    ResponseEntity<Void> archiveService(CurrentOrganization org, @PathVariable UUID id) {
        services.archive(org.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/availability")
    @Operation(summary = "Free slots for a service between two dates (at most 31 days), per staff member")
    Map<String, List<Availability.Slot>> availability(
            Caller caller,
            @RequestParam UUID serviceId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID staffId,
            @RequestParam(required = false) UUID locationId) {
        return Map.of("data", availability.slots(access.timetableOf(caller), serviceId, from, to, staffId, locationId));
    }

    @PostMapping("/api/v1/appointments")
    @Operation(
            summary =
                    "Book an appointment (staff for any client, a client for themself); without staffId any free staff member")
    ResponseEntity<Appointments.Appointment> book(Caller caller, @Valid @RequestBody AppointmentRequest r) {
        boolean byStaff = access.selfOrBookingStaff(caller)
                .map(self -> {
                    if (!self.equals(r.clientId())) {
                        throw ApiException.forbidden("portal.own_records_only", "Clients book only for themselves");
                    }
                    return false;
                })
                .orElse(true);
        var booked = appointments.book(
                caller.requireOrganization(),
                r.serviceId(),
                r.staffId(),
                r.roomId(),
                r.clientId(),
                r.start(),
                r.notes(),
                byStaff,
                caller.userId());
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.id()))
                .body(booked);
    }

    @GetMapping("/api/v1/appointments")
    @Operation(summary = "Appointments in a range; clients see only their own")
    Map<String, List<Appointments.Appointment>> list(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) UUID staffId,
            @RequestParam(required = false) UUID clientId) {
        UUID client = access.selfOrBookingStaff(caller).orElse(clientId);
        return Map.of("data", appointments.list(caller.requireOrganization(), from, to, staffId, client));
    }

    @GetMapping("/api/v1/appointments/{id}")
    @Operation(summary = "One appointment")
    Appointments.Appointment get(Caller caller, @PathVariable UUID id) {
        var appointment = appointments.get(caller.requireOrganization(), id);
        access.selfOrBookingStaff(caller)
                .filter(self -> !self.equals(appointment.clientId()))
                .ifPresent(x -> {
                    throw ApiException.notFound("Appointment");
                });
        return appointment;
    }

    @PatchMapping("/api/v1/appointments/{id}")
    @RequiresPermission(Permission.BOOKING_MANAGE)
    @Operation(summary = "Confirm, complete or mark a no-show; change notes")
    Appointments.Appointment update(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody AppointmentPatch r) {
        return appointments.setStatus(org.id(), id, r.status(), r.notes());
    }

    @PostMapping("/api/v1/appointments/{id}/reschedule")
    @Operation(summary = "Move an appointment to another free time")
    Appointments.Appointment reschedule(Caller caller, @PathVariable UUID id, @Valid @RequestBody RescheduleRequest r) {
        return appointments.reschedule(
                caller.requireOrganization(), id, r.newStart(), access.selfOrBookingStaff(caller));
    }

    @PostMapping("/api/v1/appointments/{id}/cancel")
    @Operation(summary = "Cancel an appointment")
    Appointments.Appointment cancel(Caller caller, @PathVariable UUID id, @Valid @RequestBody CancelRequest r) {
        return appointments.cancel(caller.requireOrganization(), id, r.reason(), access.selfOrBookingStaff(caller));
    }
}
