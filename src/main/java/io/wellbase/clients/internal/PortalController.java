package io.wellbase.clients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.identity.AuthTokens;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client portal: inviting a client, accepting, and a signed-in client's own profile.
 */
@RestController
@Tag(name = "Client portal")
class PortalController {

    private final PortalInvitations invitations;
    private final PortalAccounts accounts;
    private final ClientService clients;

    PortalController(PortalInvitations invitations, PortalAccounts accounts, ClientService clients) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.clients = clients;
    }

    record AcceptRequest(@NotBlank @Size(max = 200) String token) {}

    record AcceptAsNewUserRequest(
            @NotBlank @Size(max = 200) String token,
            @NotNull @Size(max = 200) String password) {}

    /** The fields a client may change on their own record. */
    record OwnProfilePatch(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            @Size(max = 40) String mobilePhone,
            @Past LocalDate birthDate,
            @Valid ClientRequests.AddressRequest address,
            @Valid ClientRequests.EmergencyContactRequest emergencyContact,
            Boolean marketingConsent) {}

    @PostMapping("/api/v1/clients/{id}/portal-invitations")
    @RequiresPermission(Permission.CLIENT_WRITE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Email the client a link to create their portal account")
    void invite(Caller caller, @PathVariable UUID id) {
        invitations.invite(caller.requireOrganization(), id, caller.userId());
    }

    @PostMapping("/api/v1/auth/client-invitations/accept")
    @Operation(summary = "Create a portal account with an invitation; answers tokens with role client")
    AuthTokens acceptAsNewUser(@Valid @RequestBody AcceptAsNewUserRequest request) {
        return invitations.acceptAsNewUser(request.token(), request.password());
    }

    @PostMapping("/api/v1/client-invitations/accept")
    @Operation(summary = "Link the signed-in account (same email) to the inviting studio's client record")
    AuthTokens accept(Caller caller, @Valid @RequestBody AcceptRequest request) {
        return invitations.acceptAsUser(caller, request.token());
    }

    @GetMapping("/api/v1/portal/profile")
    @Operation(summary = "The signed-in client's own record")
    OwnProfile ownProfile(Caller caller) {
        return OwnProfile.of(clients.get(caller.requireOrganization(), accounts.requireSelf(caller)));
    }

    @PatchMapping("/api/v1/portal/profile")
    @Operation(summary = "Change the signed-in client's own contact details")
    OwnProfile updateOwnProfile(Caller caller, @Valid @RequestBody OwnProfilePatch p) {
        UUID clientId = accounts.requireSelf(caller);
        return OwnProfile.of(clients.update(
                caller.requireOrganization(),
                clientId,
                new ClientFields(
                        p.firstName(),
                        p.lastName(),
                        p.email(),
                        p.phone(),
                        p.mobilePhone(),
                        p.birthDate(),
                        null,
                        p.address() == null ? null : p.address().toAddress(),
                        p.emergencyContact() == null
                                ? null
                                : p.emergencyContact().toContact(),
                        null,
                        null,
                        null,
                        p.marketingConsent(),
                        null,
                        null,
                        null),
                null));
    }
}
