package io.wellbase.scheduling.internal.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import io.wellbase.scheduling.internal.SchedulingSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Class types and the organization's booking rules.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Scheduling")
class ClassTypesController {

    private static final SortSpec SORT = SortSpec.of(Map.of("name", "name"), "name", "id");

    private final ClassTypes classTypes;
    private final SchedulingSettings settings;

    ClassTypesController(ClassTypes classTypes, SchedulingSettings settings) {
        this.classTypes = classTypes;
        this.settings = settings;
    }

    record ClassTypeRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @Size(max = 100) String category,
            @NotNull @Min(5) @Max(1440) Integer durationMinutes,
            @NotNull @Min(1) @Max(10000) Integer defaultCapacity,
            @Pattern(regexp = "#[0-9a-fA-F]{6}") String color,
            @Size(max = 50) String level) {}

    record ClassTypePatch(
            @Size(min = 1, max = 200) String name,
            @Size(max = 2000) String description,
            @Size(max = 100) String category,
            @Min(5) @Max(1440) Integer durationMinutes,
            @Min(1) @Max(10000) Integer defaultCapacity,
            @Pattern(regexp = "#[0-9a-fA-F]{6}") String color,
            @Size(max = 50) String level) {}

    record RulesRequest(
            @NotNull @Min(0) @Max(168) Integer lateCancelHours,
            @NotNull @Min(1) @Max(365) Integer bookingWindowDays,
            @NotNull @Min(0) @Max(10080) Integer minNoticeMinutes,
            @Min(1) @Max(50) Integer maxBookingsPerDay,

            @NotNull @Pattern(regexp = "auto_promote|notify_all")
            String waitlistPolicy,

            @NotNull @Min(0) @Max(10080) Integer promotionCutoffMinutes,
            Boolean lateCancelForfeits,
            Boolean noShowForfeits,
            @Min(0) @Max(10) Integer penaltyCredits) {}

    @PostMapping("/class-types")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Define a class type")
    ResponseEntity<ClassTypes.ClassType> create(CurrentOrganization org, @Valid @RequestBody ClassTypeRequest r) {
        var created = classTypes.create(
                org.id(),
                new ClassTypes.ClassType(
                        null,
                        r.name(),
                        r.description(),
                        r.category(),
                        r.durationMinutes(),
                        r.defaultCapacity(),
                        r.color(),
                        r.level()));
        return ResponseEntity.created(URI.create("/api/v1/class-types/" + created.id()))
                .body(created);
    }

    @GetMapping("/class-types")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(summary = "Class types")
    PageResult<ClassTypes.ClassType> list(CurrentOrganization org, @Paged PageQuery page) {
        return classTypes.list(org.id(), page);
    }

    @GetMapping("/class-types/{id}")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(summary = "One class type")
    ClassTypes.ClassType get(CurrentOrganization org, @PathVariable UUID id) {
        return classTypes.get(org.id(), id);
    }

    @PatchMapping("/class-types/{id}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Change a class type (sessions already created keep their times and capacity)")
    ClassTypes.ClassType update(CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody ClassTypePatch r) {
        return classTypes.update(
                org.id(),
                id,
                new ClassTypes.ClassType(
                        null,
                        r.name(),
                        r.description(),
                        r.category(),
                        r.durationMinutes(),
                        r.defaultCapacity(),
                        r.color(),
                        r.level()));
    }

    @DeleteMapping("/class-types/{id}")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Archive a class type")
    ResponseEntity<Void> archive(CurrentOrganization org, @PathVariable UUID id) {
        classTypes.archive(org.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/scheduling/settings")
    @RequiresPermission(Permission.SCHEDULE_READ)
    @Operation(
            summary =
                    "Booking rules: late-cancel window, booking window, minimum notice, daily limit, waitlist policy, "
                            + "whether late cancels and no-shows forfeit the credit, and penalty credits")
    SchedulingSettings.Rules rules(CurrentOrganization org) {
        return settings.rules(org.id());
    }

    @PutMapping("/scheduling/settings")
    @RequiresPermission(Permission.SCHEDULE_MANAGE)
    @Operation(summary = "Replace the booking rules")
    SchedulingSettings.Rules replaceRules(CurrentOrganization org, @Valid @RequestBody RulesRequest r) {
        return settings.replace(
                org.id(),
                new SchedulingSettings.Rules(
                        r.lateCancelHours(),
                        r.bookingWindowDays(),
                        r.minNoticeMinutes(),
                        r.maxBookingsPerDay(),
                        r.waitlistPolicy(),
                        r.promotionCutoffMinutes(),
                        !Boolean.FALSE.equals(r.lateCancelForfeits()),
                        !Boolean.FALSE.equals(r.noShowForfeits()),
                        r.penaltyCredits() == null ? 0 : r.penaltyCredits()));
    }
}
