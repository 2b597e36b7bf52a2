package io.wellbase.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.identity.AuthTokens;
import io.wellbase.identity.Me;
import io.wellbase.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, sign-in, tokens, sign-out, password reset and email verification.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class AuthController {

    private final SignIn signIn;
    private final PasswordResets passwordResets;
    private final EmailVerifications verifications;

    AuthController(SignIn signIn, PasswordResets passwordResets, EmailVerifications verifications) {
        this.signIn = signIn;
        this.passwordResets = passwordResets;
        this.verifications = verifications;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 200) String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 40) String phone) {}

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 200) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    record SwitchOrganizationRequest(@NotNull UUID organizationId) {}

    record PasswordResetRequest(@NotBlank @Size(max = 254) String email) {}

    record PasswordResetConfirmRequest(
            @NotBlank @Size(max = 200) String token,
            @NotNull @Size(max = 200) String newPassword) {}

    record TokenRequest(@NotBlank @Size(max = 200) String token) {}

    record Revoked(int revokedSessions) {}

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account and sign in")
    AuthTokens register(@Valid @RequestBody RegisterRequest request) {
        return signIn.register(new SignIn.Registration(
                request.email(),
                request.password(),
                request.firstName().trim(),
                request.lastName().trim(),
                request.phone()));
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in with email and password")
    AuthTokens login(@Valid @RequestBody LoginRequest request) {
        return signIn.login(request.email(), request.password());
    }

    @PostMapping("/refresh")
    @Operation(summary = "Trade a refresh token for a new pair; the old one is spent")
    AuthTokens refresh(@Valid @RequestBody RefreshRequest request) {
        return signIn.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @Operation(summary = "End the sign-in that the refresh token belongs to")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        signIn.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/logout-all")
    @Operation(summary = "End every sign-in of the current user")
    Revoked logoutAll(Caller caller) {
        return new Revoked(signIn.logoutAll(caller));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, with the organization and role of the token")
    Me me(Caller caller) {
        return signIn.me(caller);
    }

    @PostMapping("/switch-organization")
    @Operation(summary = "New tokens scoped to another organization the user belongs to")
    AuthTokens switchOrganization(Caller caller, @Valid @RequestBody SwitchOrganizationRequest request) {
        return signIn.switchOrganization(caller, request.organizationId());
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Email a reset link; always 202, whether the account exists or not")
    void requestPasswordReset(@Valid @RequestBody PasswordResetRequest request) {
        passwordResets.request(request.email());
    }

    @PostMapping("/password-reset/confirm")
    @Operation(summary = "Set a new password with the emailed token; ends every session")
    ResponseEntity<Void> confirmPasswordReset(@Valid @RequestBody PasswordResetConfirmRequest request) {
        passwordResets.confirm(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/email-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send the verification email again")
    void sendVerification(Caller caller) {
        verifications.send(caller.userId());
    }

    @PostMapping("/email-verification/confirm")
    @Operation(summary = "Confirm the email address with the emailed token")
    ResponseEntity<Void> confirmVerification(@Valid @RequestBody TokenRequest request) {
        verifications.confirm(request.token());
        return ResponseEntity.noContent().build();
    }
}
