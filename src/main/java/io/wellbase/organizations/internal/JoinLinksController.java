package io.wellbase.organizations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.identity.AuthTokens;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's public join link for client self sign-up.
 */
@RestController
@Tag(name = "Client portal")
class JoinLinksController {

    private final JoinLinks joinLinks;

    JoinLinksController(JoinLinks joinLinks) {
        this.joinLinks = joinLinks;
    }

    record JoinLinkPatch(Boolean rotate, Boolean enabled) {}

    record SignUpRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 200) String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 40) String phone) {}

    @GetMapping("/api/v1/join-link")
    @RequiresPermission(Permission.ORGANIZATION_UPDATE)
    @Operation(summary = "The organization's public join link (created on first read)")
    JoinLinks.JoinLink get(CurrentOrganization org) {
        return joinLinks.get(org.id());
    }

    @PatchMapping("/api/v1/join-link")
    @RequiresPermission(Permission.ORGANIZATION_UPDATE)
    @Operation(summary = "Rotate the join code or switch the link on or off")
    JoinLinks.JoinLink update(CurrentOrganization org, @RequestBody JoinLinkPatch patch) {
        return joinLinks.update(org.id(), Boolean.TRUE.equals(patch.rotate()), patch.enabled());
    }

    @GetMapping("/api/v1/auth/join/{code}")
    @Operation(summary = "What a join link leads to (no sign-in needed)")
    JoinLinks.JoinPage page(@PathVariable String code) {
        return joinLinks.page(code);
    }

    @PostMapping("/api/v1/auth/join/{code}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Sign up through a join link: a new account and client record; answers tokens with role client")
    AuthTokens signUp(@PathVariable String code, @Valid @RequestBody SignUpRequest r) {
        return joinLinks.signUp(
                code,
                new JoinLinks.NewClient(
                        r.email(),
                        r.password(),
                        r.firstName().trim(),
                        r.lastName().trim(),
                        r.phone()));
    }

    @PostMapping("/api/v1/join/{code}")
    @Operation(summary = "Join as the signed-in user: becomes a client of the organization")
    AuthTokens join(Caller caller, @PathVariable String code) {
        return joinLinks.join(code, caller);
    }
}
