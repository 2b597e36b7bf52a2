package io.wellbase.scheduling.internal.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recurring weekly schedules.
 */
@RestController
@Tag(name = "Scheduling")
class SchedulesController {

    private final Schedules schedules;

    SchedulesController(Schedules schedules) {
        this.schedules = schedules;
    }

    record ScheduleRequest(
            @NotNull UUID classTypeId,
            @NotNull UUID locationId,
            UUID roomId,
            @NotEmpty @Size(max = 7) List<Integer> weekdays,
            @NotNull LocalTime startTime,
            @Min(5) @Max(1440) Integer durationMinutes,
            @Min(1) @Max(10000) Integer capacity,
            @Size(max = 10) List<UUID> instructorIds,
            @NotNull LocalDate firstDate,
            LocalDate lastDate) {}

    record SchedulePatch(
            UUID roomId,
            @Size(min = 1, max = 7) List<Integer> weekdays,
            LocalTime startTime,
            @Min(5) @Max(1440) Integer durationMinutes,
            @Min(1) @Max(10000) Integer capacity,
            @Size(max = 10) List<UUID> instructorIds,
            LocalDate lastDate) {}

    @PostMapping("/api/v1/schedules")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Create a weekly schedule (local time of the location); sessions are generated 12 weeks ahead")
    ResponseEntity<Schedules.Change> create(CurrentOrganization org, @Valid @RequestBody ScheduleRequest r) {
        var change = schedules.create(
                org.id(),
                new Schedules.Schedule(
                        null,
                        r.classTypeId(),
                        r.locationId(),
                        r.roomId(),
                        r.weekdays(),
                        r.startTime(),
                        r.durationMinutes(),
                        r.capacity(),
                        r.instructorIds(),
                        r.firstDate(),
                        r.lastDate(),
                        null));
        return ResponseEntity.created(
                        URI.create("/api/v1/schedules/" + change.schedule().id()))
                .body(change);
    }

    @GetMapping("/api/v1/schedules")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(summary = "Active schedules")
    Map<String, List<Schedules.Schedule>> list(CurrentOrganization org) {
        return Map.of("data", schedules.list(org.id()));
    }

    @GetMapping("/api/v1/schedules/{id}")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(summary = "One schedule")
    Schedules.Schedule get(CurrentOrganization org, @PathVariable UUID id) {
        return schedules.get(org.id(), id);
    }

    @PatchMapping("/api/v1/schedules/{id}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Change a schedule: future sessions without bookings follow, the others are reported")
    Schedules.Change update(CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody SchedulePatch r) {
        return schedules.update(
                org.id(),
                id,
                new Schedules.Schedule(
                        id,
                        null,
                        null,
                        r.roomId(),
                        r.weekdays(),
                        r.startTime(),
                        r.durationMinutes(),
                        r.capacity(),
                        r.instructorIds(),
                        null,
                        r.lastDate(),
                        null));
    }

    @DeleteMapping("/api/v1/schedules/{id}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "End a schedule: future sessions without bookings are removed, the others reported")
    Schedules.Change archive(CurrentOrganization org, @PathVariable UUID id) {
        return schedules.archive(org.id(), id);
    }
}
