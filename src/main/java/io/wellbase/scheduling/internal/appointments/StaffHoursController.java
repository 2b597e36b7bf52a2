package io.wellbase.scheduling.internal.appointments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A staff member's weekly working hours, one-off extra hours and time off: what availability is made of.
 */
@RestController
@Tag(name = "Appointments")
class StaffHoursController {

    private final StaffHours staffHours;

    StaffHoursController(StaffHours staffHours) {
        this.staffHours = staffHours;
    }

    record HoursBlock(
            @NotNull UUID locationId,
            @NotNull @Min(1) @Max(7) Integer weekday,
            @NotNull LocalTime startTime,
            @NotNull LocalTime endTime) {}

    record HoursRequest(@NotNull @Size(max = 50) List<@Valid HoursBlock> hours) {}

    record TimeOffRequest(
            @NotNull OffsetDateTime startsAt,
            @NotNull OffsetDateTime endsAt,
            @Size(max = 200) String reason) {}

    record ExtraHoursRequest(
            @NotNull UUID locationId,
            @NotNull LocalDate onDate,
            @NotNull LocalTime startTime,
            @NotNull LocalTime endTime) {}

    @GetMapping("/api/v1/staff/{id}/working-hours")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(summary = "A staff member's weekly working hours")
    Map<String, List<StaffHours.Block>> hours(CurrentOrganization org, @PathVariable UUID id) {
        return Map.of("data", staffHours.hours(org.id(), id));
    }

    @PutMapping("/api/v1/staff/{id}/working-hours")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Replace a staff member's weekly working hours (local time of each location)")
    Map<String, List<StaffHours.Block>> replaceHours(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody HoursRequest r) {
        return Map.of(
                "data",
                staffHours.replaceHours(
                        org.id(),
                        id,
                        r.hours().stream()
                                .map(b -> new StaffHours.Block(b.locationId(), b.weekday(), b.startTime(), b.endTime()))
                                .toList()));
    }

    @GetMapping("/api/v1/staff/{id}/extra-hours")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(summary = "One-off extra working hours (from 30 days ago)")
    Map<String, List<StaffHours.ExtraHours>> extraHours(CurrentOrganization org, @PathVariable UUID id) {
        return Map.of("data", staffHours.extraHours(org.id(), id));
    }

    @PostMapping("/api/v1/staff/{id}/extra-hours")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Add one-off working hours on a date (local time of the location)")
    StaffHours.ExtraHours addExtraHours(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody ExtraHoursRequest r) {
        return staffHours.addExtraHours(
                org.id(), id, new StaffHours.ExtraHours(null, r.locationId(), r.onDate(), r.startTime(), r.endTime()));
    }

    @DeleteMapping("/api/v1/staff/{id}/extra-hours/{extraId}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Remove one-off working hours")
    ResponseEntity<Void> removeExtraHours(CurrentOrganization org, @PathVariable UUID id, @PathVariable UUID extraId) {
        staffHours.removeExtraHours(org.id(), id, extraId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/staff/{id}/time-off")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(summary = "A staff member's time off")
    Map<String, List<StaffHours.TimeOff>> timeOff(CurrentOrganization org, @PathVariable UUID id) {
        return Map.of("data", staffHours.timeOff(org.id(), id));
    }

    @PostMapping("/api/v1/staff/{id}/time-off")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Add time off (may span days)")
    StaffHours.TimeOff addTimeOff(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody TimeOffRequest r) {
        return staffHours.addTimeOff(org.id(), id, r.startsAt(), r.endsAt(), r.reason());
    }

    @DeleteMapping("/api/v1/staff/{id}/time-off/{timeOffId}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Remove time off")
    ResponseEntity<Void> removeTimeOff(CurrentOrganization org, @PathVariable UUID id, @PathVariable UUID timeOffId) {
        staffHours.removeTimeOff(org.id(), id, timeOffId);
        return ResponseEntity.noContent().build();
    }
}
