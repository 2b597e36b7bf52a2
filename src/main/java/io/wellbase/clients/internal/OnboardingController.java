package io.wellbase.clients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
 * Onboarding checklist steps and each client's progress.
 */
@RestController
@Tag(name = "Clients")
class OnboardingController {

    private final Onboarding onboarding;
    private final ClientService clients;

    OnboardingController(Onboarding onboarding, ClientService clients) {
        this.onboarding = onboarding;
        this.clients = clients;
    }

    record StepRequest(
            @NotBlank String key,
            @NotBlank @Size(max = 200) String label,
            @Min(0) Integer position,
            Boolean required) {}

    @GetMapping("/api/v1/onboarding-steps")
    @RequiresPermission(Permission.CLIENT_READ)
    @Operation(summary = "The organization's onboarding checklist")
    Map<String, List<Onboarding.Step>> steps(CurrentOrganization org) {
        return Map.of("data", onboarding.steps(org.id()));
    }

    @PostMapping("/api/v1/onboarding-steps")
    @RequiresPermission(Permission.CLIENT_MANAGE)
    @Operation(summary = "Add a step to the checklist")
    ResponseEntity<Onboarding.Step> add(CurrentOrganization org, @Valid @RequestBody StepRequest r) {
        var step = onboarding.addStep(org.id(), r.key(), r.label(), r.position(), !Boolean.FALSE.equals(r.required()));
        return ResponseEntity.created(URI.create("/api/v1/onboarding-steps/" + step.id()))
                .body(step);
    }

    @DeleteMapping("/api/v1/onboarding-steps/{id}")
    @RequiresPermission(Permission.CLIENT_MANAGE)
    @Operation(summary = "Remove a step from the checklist")
    ResponseEntity<Void> remove(CurrentOrganization org, @PathVariable UUID id) {
        onboarding.archiveStep(org.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/clients/{id}/onboarding")
    @RequiresPermission(Permission.CLIENT_READ)
    @Operation(summary = "A client's progress through the checklist")
    ClientView.OnboardingView progress(CurrentOrganization org, @PathVariable UUID id) {
        return clients.get(org.id(), id).onboarding();
    }

    @PutMapping("/api/v1/clients/{id}/onboarding/{stepId}")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(summary = "Tick a step for a client")
    ClientView.OnboardingView done(Caller caller, @PathVariable UUID id, @PathVariable UUID stepId) {
        return onboarding.tick(caller.requireOrganization(), id, stepId, true, caller.userId());
    }

    @DeleteMapping("/api/v1/clients/{id}/onboarding/{stepId}")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @Operation(summary = "Untick a step for a client")
    ClientView.OnboardingView undone(Caller caller, @PathVariable UUID id, @PathVariable UUID stepId) {
        return onboarding.tick(caller.requireOrganization(), id, stepId, false, caller.userId());
    }
}
