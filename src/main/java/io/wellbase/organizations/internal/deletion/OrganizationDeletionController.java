package io.wellbase.organizations.internal.deletion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deleting the caller's organization (owners only): the state, scheduling with a typed name, restoring. */
@RestController
@RequestMapping("/api/v1/organizations/{id}/deletion")
@Tag(name = "Organizations")
class OrganizationDeletionController {

    private final OrganizationDeletion deletion;

    OrganizationDeletionController(OrganizationDeletion deletion) {
        this.deletion = deletion;
    }

    record ScheduleRequest(@NotNull @Size(max = 200) String confirmation) {}

    @GetMapping
    @RequiresPermission(Permission.ORGANIZATION_DELETE)
    @Operation(
            summary = "Whether the organization's deletion is scheduled, what to type, and the exports to take first")
    DeletionState state(Caller caller, @PathVariable UUID id) {
        return deletion.state(current(caller, id));
    }

    @PostMapping
    @RequiresPermission(Permission.ORGANIZATION_DELETE)
    @Operation(
            summary = "Schedule the organization's deletion: confirmation is its name; restorable for the grace"
                    + " period, then everything of it is removed")
    ResponseEntity<DeletionState> schedule(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody ScheduleRequest request) {
        return switch (deletion.schedule(current(caller, id), caller.userId(), request.confirmation())) {
            case OrganizationDeletion.Scheduling.Scheduled done ->
                ResponseEntity.status(HttpStatus.ACCEPTED).body(done.state());
            case OrganizationDeletion.Scheduling.ConfirmationMismatch mismatch ->
                throw ApiException.unprocessable(
                        "organization.confirmation_mismatch",
                        "Type the organization's name exactly as it is (\"" + mismatch.expected()
                                + "\") to confirm its deletion");
            case OrganizationDeletion.Scheduling.AlreadyScheduled scheduled ->
                throw ApiException.conflict(
                        "organization.deletion_scheduled",
                        "The deletion is already scheduled for "
                                + scheduled.state().dueAt());
        };
    }

    @DeleteMapping
    @RequiresPermission(Permission.ORGANIZATION_DELETE)
    @Operation(summary = "Restore the organization: cancel its scheduled deletion while the grace period lasts")
    DeletionState restore(Caller caller, @PathVariable UUID id) {
        return switch (deletion.restore(current(caller, id))) {
            case OrganizationDeletion.Restoring.Restored done -> done.state();
            case OrganizationDeletion.Restoring.NotScheduled none ->
                throw ApiException.conflict(
                        "organization.deletion_not_scheduled", "The organization's deletion is not scheduled");
            case OrganizationDeletion.Restoring.TooLate late ->
                throw ApiException.conflict(
                        "organization.deletion_due",
                        "The grace period ended at " + late.dueAt() + "; the organization is being removed");
        };
    }

    /** The organization in the path must be the one the caller is signed in to. */
    private static UUID current(Caller caller, UUID id) {
        if (!id.equals(caller.requireOrganization())) {
            throw ApiException.notFound("Organization");
        }
        return id;
    }
}
