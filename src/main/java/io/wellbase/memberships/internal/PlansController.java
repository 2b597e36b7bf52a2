package io.wellbase.memberships.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Membership plans of the organization.
 */
@RestController
@RequestMapping("/api/v1/membership-plans")
@Tag(name = "Memberships")
class PlansController {

    private static final SortSpec SORT = SortSpec.of(Map.of("name", "name"), "name", "id");

    private final PlanService plans;

    PlansController(PlanService plans) {
        this.plans = plans;
    }

    record MoneyRequest(
            @NotNull @Min(0) Long amount,
            @NotBlank @Size(min = 3, max = 3) String currency) {}

    record PlanRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotBlank String kind,
            @NotNull @Valid MoneyRequest price,
            @Min(1) @Max(1000) Integer credits,

            @NotBlank @Pattern(regexp = "day|week|month|year")
            String periodUnit,

            @NotNull @Min(1) @Max(3650) Integer periodCount,
            Boolean autoRenew,
            @Min(1) @Max(100) Integer weeklyBookingLimit,
            @Size(max = 200) List<UUID> classTypeIds,
            @Size(max = 200) List<UUID> serviceIds,
            @Size(max = 200) List<UUID> locationIds,
            Boolean premiumContent) {}

    record PlanPatchRequest(
            @Size(min = 1, max = 200) String name,
            @Size(max = 2000) String description,
            @Min(0) Long priceAmount,
            @Min(1) @Max(100) Integer weeklyBookingLimit,
            Boolean autoRenew,
            Boolean premiumContent) {}

    @PostMapping
    @RequiresPermission(Permission.MEMBERSHIP_MANAGE)
    @Operation(summary = "Define a plan: unlimited, class_pack, drop_in, intro_offer or subscription")
    ResponseEntity<PlanService.Plan> create(CurrentOrganization org, @Valid @RequestBody PlanRequest r) {
        var plan = plans.create(
                org.id(),
                new PlanService.Plan(
                        null,
                        r.name(),
                        r.description(),
                        r.kind(),
                        new PlanService.Money(r.price().amount(), r.price().currency()),
                        r.credits(),
                        r.periodUnit(),
                        r.periodCount(),
                        Boolean.TRUE.equals(r.autoRenew()),
                        r.weeklyBookingLimit(),
                        r.classTypeIds(),
                        r.serviceIds(),
                        r.locationIds(),
                        false,
                        null,
                        Boolean.TRUE.equals(r.premiumContent())));
        return ResponseEntity.created(URI.create("/api/v1/membership-plans/" + plan.id()))
                .body(plan);
    }

    @GetMapping
    @RequiresPermission(Permission.MEMBERSHIP_READ)
    @Operation(summary = "Plans, active ones unless includeArchived=true")
    PageResult<PlanService.Plan> list(
            CurrentOrganization org,
            @RequestParam(defaultValue = "false") boolean includeArchived,
            @Paged PageQuery page) {
        return plans.list(org.id(), includeArchived, page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.MEMBERSHIP_READ)
    @Operation(summary = "One plan")
    PlanService.Plan get(CurrentOrganization org, @PathVariable UUID id) {
        return plans.get(org.id(), id);
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permission.MEMBERSHIP_MANAGE)
    @Operation(
            summary =
                    "Change a plan's name, description, price, weekly limit, renewal or premium content; sold memberships keep"
                            + " their terms")
    PlanService.Plan update(CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody PlanPatchRequest r) {
        return plans.update(
                org.id(),
                id,
                r.name(),
                r.description(),
                r.priceAmount(),
                r.weeklyBookingLimit(),
                r.autoRenew(),
                r.premiumContent());
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.MEMBERSHIP_MANAGE)
    @Operation(summary = "Archive a plan: no longer sold, existing memberships unaffected")
    ResponseEntity<Void> archive(CurrentOrganization org, @PathVariable UUID id) {
        plans.archive(org.id(), id);
        return ResponseEntity.noContent().build();
    }
}
