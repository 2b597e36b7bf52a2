package io.wellbase.organizations.internal.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.RecordSchema;
import jakarta.validation.Valid;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's settings document (docs/settings.md): every member reads it (a front end themes itself and
 * formats dates with it), owners and admins change it, with {@code If-Match} against lost updates.
 */
@RestController
@Tag(name = "Organizations")
class OrganizationSettingsController {

    private static final Map<String, Object> SCHEMA =
            RecordSchema.of(OrganizationSettings.Change.class, "Wellbase organization settings");

    private final OrganizationSettingsService settings;

    OrganizationSettingsController(OrganizationSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/organization/settings")
    @Operation(summary = "The organization's settings: profile, branding, locale, and where the other settings live")
    ResponseEntity<OrganizationSettings.Document> read(Caller caller) {
        OrganizationSettings.Document document = settings.read(caller.requireOrganization());
        return ResponseEntity.ok().eTag(Long.toString(document.version())).body(document);
    }

    @GetMapping("/api/v1/organization/settings/schema")
    @Operation(summary = "The JSON Schema of a settings change (sections profile, branding, locale)")
    Map<String, Object> schema(Caller caller) {
        caller.requireOrganization();
        return SCHEMA;
    }

    @PatchMapping("/api/v1/organization/settings")
    @RequiresPermission(Permission.ORGANIZATION_UPDATE)
    @Operation(
            summary = "Change sections of the settings: each section sent replaces the stored one whole; with"
                    + " If-Match, a document changed in the meantime is 409")
    ResponseEntity<OrganizationSettings.Document> change(
            Caller caller,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody OrganizationSettings.Change change) {
        return switch (settings.change(caller.requireOrganization(), change, version(ifMatch))) {
            case OrganizationSettingsService.Outcome.Changed changed ->
                ResponseEntity.ok()
                        .eTag(Long.toString(changed.document().version()))
                        .body(changed.document());
            case OrganizationSettingsService.Outcome.StaleVersion stale ->
                throw ApiException.conflict(
                        "conflict.stale_version",
                        "The settings changed in the meantime (now version " + stale.current() + "); read them again");
            case OrganizationSettingsService.Outcome.Invalid invalid ->
                throw ApiException.invalidField(invalid.field(), invalid.reason());
        };
    }

    private static @Nullable Long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "request.invalid_if_match", "If-Match must be the ETag the settings were read with");
        }
    }
}
