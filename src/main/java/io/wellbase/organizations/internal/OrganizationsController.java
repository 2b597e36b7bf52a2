package io.wellbase.organizations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizations the caller belongs to.
 */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations")
class OrganizationsController {

    private static final SortSpec SORT = SortSpec.of(Map.of("name", "o.name"), "name", "o.id");

    private final OrganizationService organizations;

    OrganizationsController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    record CreateOrganizationRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String timezone,
            @NotBlank @Size(min = 3, max = 3) String currency,
            @NotBlank @Size(min = 2, max = 2) String country) {}

    record UpdateOrganizationRequest(
            @Size(min = 1, max = 200) String name,
            String timezone,
            @Size(min = 3, max = 3) String currency,
            @Size(min = 2, max = 2) String country) {}

    @PostMapping
    @Operation(summary = "Create an organization; the caller becomes its owner")
    ResponseEntity<OrganizationStore.OrganizationRow> create(
            Caller caller, @Valid @RequestBody CreateOrganizationRequest request) {
        var created = organizations.create(
                caller.userId(),
                new OrganizationService.Fields(
                        request.name(), request.timezone(), request.currency(), request.country()));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "The organizations the caller belongs to, with their role")
    PageResult<OrganizationStore.OrganizationRow> mine(Caller caller, @Paged PageQuery page) {
        return organizations.mine(caller.userId(), page);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organization the caller belongs to")
    OrganizationStore.OrganizationRow get(Caller caller, @PathVariable UUID id) {
        return organizations.get(caller.userId(), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an organization (owner, admin)")
    OrganizationStore.OrganizationRow update(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody UpdateOrganizationRequest request) {
        return organizations.update(
                caller,
                id,
                new OrganizationService.Fields(
                        request.name(), request.timezone(), request.currency(), request.country()));
    }
}
