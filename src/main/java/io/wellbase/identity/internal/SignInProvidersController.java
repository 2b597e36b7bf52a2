package io.wellbase.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.identity.AuthTokens;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API side of signing in with Google or GitHub: the providers on offer, the exchange of the single-use code the
 * sign-in returned with for Wellbase's own tokens, the confirmation that links a provider to an existing account, and
 * a signed-in user's linked providers (list, link, unlink: an account without a password keeps one).
 */
@RestController
@Tag(name = "Sign-in with providers")
class SignInProvidersController {

    private final OAuthAccounts accounts;
    private final OAuthRegistrations registrations;
    private final TokenService tokens;

    SignInProvidersController(OAuthAccounts accounts, OAuthRegistrations registrations, TokenService tokens) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.tokens = tokens;
    }

    record CodeRequest(@NotBlank @Size(max = 200) String code) {}

    record ConfirmRequest(@NotBlank @Size(max = 200) String token) {}

    record LinkRequest(@NotBlank @Size(max = 2000) String redirect) {}

    record Providers(Set<String> providers) {}

    record Identities(List<OAuthAccounts.Identity> data) {}

    record LinkStart(String authorizationUrl) {}

    @GetMapping("/api/v1/auth/oauth/providers")
    @Operation(summary = "The providers one may sign in with here (google, github)")
    Providers providers() {
        return new Providers(registrations.providers());
    }

    @PostMapping("/api/v1/auth/oauth/exchange")
    @Operation(summary = "Trade the single-use code a provider sign-in returned with for Wellbase's tokens")
    AuthTokens exchange(@Valid @RequestBody CodeRequest request) {
        return accounts.redeemCode(request.code())
                .map(tokens::startDefault)
                .orElseThrow(() ->
                        ApiException.badRequest("auth.invalid_token", "The sign-in code is unknown, used or expired"));
    }

    @PostMapping("/api/v1/auth/oauth/confirm")
    @Operation(summary = "Link a provider to the account whose email it signed in with (the mailed token); signs in")
    AuthTokens confirm(@Valid @RequestBody ConfirmRequest request) {
        return accounts.confirm(request.token())
                .map(tokens::startDefault)
                .orElseThrow(() -> ApiException.badRequest(
                        "auth.invalid_token", "The confirmation is unknown, used, expired or no longer applies"));
    }

    @GetMapping("/api/v1/auth/identities")
    @Operation(summary = "The providers linked to the signed-in account")
    Identities identities(Caller caller) {
        caller.requirePerson();
        return new Identities(accounts.identities(caller.userId()));
    }

    @PostMapping("/api/v1/auth/identities/{provider}")
    @Operation(summary = "Start linking a provider to the signed-in account: open the answered URL in the browser")
    LinkStart link(Caller caller, @PathVariable String provider, @Valid @RequestBody LinkRequest request) {
        caller.requirePerson();
        if (registrations.findByRegistrationId(provider) == null) {
            throw ApiException.notFound("Sign-in provider");
        }
        return new LinkStart(OAuthRegistrations.AUTHORIZE + "/" + provider + "?redirect="
                + URLEncoder.encode(request.redirect(), StandardCharsets.UTF_8) + "&link="
                + URLEncoder.encode(accounts.linkTicket(caller.userId()), StandardCharsets.UTF_8));
    }

    @DeleteMapping("/api/v1/auth/identities/{provider}")
    @Operation(summary = "Unlink a provider; refused for the last way in of an account without a password")
    ResponseEntity<Void> unlink(Caller caller, @PathVariable String provider) {
        caller.requirePerson();
        return switch (accounts.unlink(caller.userId(), provider)) {
            case DONE -> ResponseEntity.noContent().build();
            case NOT_LINKED -> throw ApiException.notFound("Linked provider");
            case LAST_WAY_IN ->
                throw ApiException.conflict(
                        "auth.last_sign_in_method",
                        "This is the account's only way in: set a password or link another provider first");
        };
    }
}
