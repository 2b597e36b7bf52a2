package io.wellbase.identity.internal.apikeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's API keys for machine clients: make one (its secret is answered once), list them with when
 * and from where each was last used, and revoke one (at once). Only a person signed in may do this: a key never
 * makes or revokes keys, and never gets a scope its maker's role lacks.
 */
@RestController
@Tag(name = "API keys")
class ApiKeysController {

    private final ApiKeyStore store;
    private final AuditTrail audit;
    private final Clock clock;

    ApiKeysController(ApiKeyStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    record CreateRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull @Size(min = 1, max = 60) List<String> scopes,
            @Nullable OffsetDateTime expiresAt) {}

    record ApiKeyView(
            UUID id,
            String name,
            String prefix,
            List<String> scopes,
            String status,
            UUID createdBy,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime expiresAt,
            @Nullable OffsetDateTime revokedAt,
            @Nullable OffsetDateTime lastUsedAt,
            @Nullable String lastUsedIp) {

        static ApiKeyView of(ApiKeyStore.ApiKey k, OffsetDateTime now) {
            return new ApiKeyView(
                    k.id(),
                    k.name(),
                    k.prefix(),
                    k.scopes(),
                    ApiKeyStatus.of(k.revokedAt(), k.expiresAt(), now).value(),
                    k.createdBy(),
                    k.createdAt(),
                    k.expiresAt(),
                    k.revokedAt(),
                    k.lastUsedAt(),
                    k.lastUsedIp());
        }
    }

    /** The key with its secret: answered when it is made, never again. */
    record CreatedApiKey(ApiKeyView apiKey, String key) {}

    @PostMapping("/api/v1/api-keys")
    @RequiresPermission(Permission.API_KEY_MANAGE)
    @Transactional
    @Operation(summary = "Make an API key; the answer carries the key (wbk_…), shown this once")
    ResponseEntity<CreatedApiKey> create(CurrentOrganization org, @Valid @RequestBody CreateRequest request) {
        Caller caller = Caller.current();
        caller.requirePerson();
        List<String> scopes = checkedScopes(caller, request.scopes());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ApiException.invalidField("expiresAt", "must be in the future");
        }
        String secret = ApiKeySecret.generate();
        ApiKeyStore.ApiKey key = new ApiKeyStore.ApiKey(
                Ids.newId(),
                org.id(),
                request.name().strip(),
                ApiKeySecret.prefixOf(secret),
                scopes,
                caller.userId(),
                now,
                request.expiresAt(),
                null,
                null,
                null,
                null);
        store.insert(key, ApiKeySecret.hash(secret));
        audit.record(AuditRecord.of(
                org.id(),
                "api_key.created",
                "api_key",
                key.id(),
                AuditChange.created(Map.of(
                        "name",
                        key.name(),
                        "scopes",
                        scopes,
                        "expiresAt",
                        request.expiresAt() == null
                                ? "never"
                                : request.expiresAt().toString()))));
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id()))
                .body(new CreatedApiKey(ApiKeyView.of(key, now), secret));
    }

    @GetMapping("/api/v1/api-keys")
    @RequiresPermission(Permission.API_KEY_MANAGE)
    @Operation(summary = "The organization's API keys, newest first (never their secrets)")
    CursorPage<ApiKeyView> list(
            CurrentOrganization org,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int pageSize) {
        Caller.current().requirePerson();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ApiKeyView> rows = store.page(org.id(), CursorPage.idCursor(cursor), pageSize).stream()
                .map(k -> ApiKeyView.of(k, now))
                .toList();
        return CursorPage.fromLookahead(rows, pageSize, ApiKeyView::id);
    }

    @GetMapping("/api/v1/api-keys/{id}")
    @RequiresPermission(Permission.API_KEY_MANAGE)
    @Operation(summary = "One API key (never its secret)")
    ApiKeyView get(CurrentOrganization org, @PathVariable UUID id) {
        Caller.current().requirePerson();
        return ApiKeyView.of(
                store.find(org.id(), id).orElseThrow(() -> ApiException.notFound("API key")),
                OffsetDateTime.now(clock));
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @RequiresPermission(Permission.API_KEY_MANAGE)
    @Transactional
    @Operation(summary = "Revoke an API key: it stops working at once (revoking it again changes nothing)")
    ResponseEntity<Void> revoke(CurrentOrganization org, @PathVariable UUID id) {
        Caller caller = Caller.current();
        caller.requirePerson();
        store.find(org.id(), id).orElseThrow(() -> ApiException.notFound("API key"));
        if (store.revoke(org.id(), id, caller.userId(), OffsetDateTime.now(clock))) {
            audit.record(AuditRecord.of(
                    org.id(), "api_key.revoked", "api_key", id, Map.of("revoked", new AuditChange(false, true))));
        }
        return ResponseEntity.noContent().build();
    }

    /** Known permission names, each one the caller's own role grants; in the order given, without repeats. */
    private static List<String> checkedScopes(Caller caller, List<String> requested) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String value : requested) {
            Permission permission = Permission.parse(value)
                    .orElseThrow(() -> ApiException.invalidField(
                            "scopes", "'" + value + "' is not a permission (see docs/permissions.md)"));
            if (!permission.grantedTo(caller.role())) {
                throw ApiException.unprocessable(
                        "api_key.scope_not_held",
                        "Your role does not have " + permission.value() + ", so a key you make cannot have it");
            }
            scopes.add(permission.value());
        }
        return List.copyOf(scopes);
    }
}
