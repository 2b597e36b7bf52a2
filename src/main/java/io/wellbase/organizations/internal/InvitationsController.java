package io.wellbase.organizations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.identity.AuthTokens;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inviting staff and accepting invitations.
 */
@RestController
@Tag(name = "Invitations")
class InvitationsController {

    private static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id");

    private final InvitationService invitations;

    private final org.springframework.beans.factory.ObjectProvider<io.wellbase.platform.plans.PlanGate> plans;

    InvitationsController(
            InvitationService invitations,
            org.springframework.beans.factory.ObjectProvider<io.wellbase.platform.plans.PlanGate> plans) {
        this.plans = plans;
        this.invitations = invitations;
    }

    record InviteRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank String role) {}

    record AcceptRequest(@NotBlank @Size(max = 200) String token) {}

    record AcceptAsNewUserRequest(
            @NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Size(max = 200) String password) {}

    @PostMapping("/api/v1/invitations")
    @RequiresPermission(Permission.MEMBER_INVITE)
    @Operation(summary = "Invite someone by email with a role")
    ResponseEntity<InvitationService.Invitation> invite(Caller caller, @Valid @RequestBody InviteRequest request) {
        plans.getIfAvailable(() -> io.wellbase.platform.plans.PlanGate.UNLOCKED)
                .requireRoom(caller.requireOrganization(), io.wellbase.platform.plans.Limit.STAFF_SEATS, 1);
        Role role = Role.parse(request.role())
                .orElseThrow(() ->
                        ApiException.invalidField("role", "must be one of owner, admin, manager, staff, front_desk"));
        var invitation = invitations.invite(caller, request.email(), role);
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + invitation.id()))
                .body(invitation);
    }

    @GetMapping("/api/v1/invitations")
    @RequiresPermission(Permission.MEMBER_INVITE)
    @Operation(summary = "Invitations of the organization, newest first")
    PageResult<InvitationService.Invitation> list(CurrentOrganization org, @Paged PageQuery page) {
        return invitations.list(org.id(), page);
    }

    @DeleteMapping("/api/v1/invitations/{id}")
    @RequiresPermission(Permission.MEMBER_INVITE)
    @Operation(summary = "Revoke a pending invitation")
    ResponseEntity<Void> revoke(CurrentOrganization org, @PathVariable UUID id) {
        invitations.revoke(org.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/invitations/accept")
    @Operation(summary = "Accept an invitation as the signed-in user; answers tokens scoped to the organization")
    AuthTokens accept(Caller caller, @Valid @RequestBody AcceptRequest request) {
        return invitations.acceptAsUser(caller, request.token());
    }

    @PostMapping("/api/v1/auth/invitations/accept")
    @Operation(summary = "Create an account with an invitation and join; answers tokens scoped to the organization")
    AuthTokens acceptAsNewUser(@Valid @RequestBody AcceptAsNewUserRequest request) {
        return invitations.acceptAsNewUser(
                request.token(), request.firstName().trim(), request.lastName().trim(), request.password());
    }
}
