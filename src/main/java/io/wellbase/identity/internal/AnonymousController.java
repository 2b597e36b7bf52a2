package io.wellbase.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.identity.AuthTokens;
import io.wellbase.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Anonymous accounts: a handle and a password, a recovery code, and an email attached later if wanted. */
@RestController
@Tag(name = "Accounts")
class AnonymousController {

    private final AnonymousAccounts accounts;

    AnonymousController(AnonymousAccounts accounts) {
        this.accounts = accounts;
    }

    record RegisterRequest(@NotNull @Size(max = 200) String password) {}

    record LoginRequest(
            @NotBlank @Size(max = 100) String handle,
            @NotNull @Size(max = 200) String password) {}

    record RecoverRequest(
            @NotBlank @Size(max = 100) String handle,
            @NotBlank @Size(max = 40) String recoveryCode,
            @NotNull @Size(max = 200) String newPassword) {}

    record Recovered(String recoveryCode) {}

    record EmailRequest(@NotBlank @Email @Size(max = 254) String email) {}

    @PostMapping("/api/v1/auth/anonymous")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account without an email: a generated handle, and a recovery code shown only now")
    AnonymousAccounts.Created register(@Valid @RequestBody RegisterRequest r) {
        return accounts.register(r.password());
    }

    @PostMapping("/api/v1/auth/anonymous/login")
    @Operation(summary = "Sign in with a handle and password")
    AuthTokens login(@Valid @RequestBody LoginRequest r) {
        return accounts.login(r.handle(), r.password());
    }

    @PostMapping("/api/v1/auth/anonymous/recover")
    @Operation(summary = "Set a new password with the recovery code; ends every session and answers a new code")
    Recovered recover(@Valid @RequestBody RecoverRequest r) {
        return new Recovered(accounts.recover(r.handle(), r.recoveryCode(), r.newPassword()));
    }

    @PostMapping("/api/v1/auth/me/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Attach an email to an account that has none; it stays unverified until its link is followed")
    void attachEmail(Caller caller, @Valid @RequestBody EmailRequest r) {
        accounts.attachEmail(caller.userId(), r.email());
    }
}
