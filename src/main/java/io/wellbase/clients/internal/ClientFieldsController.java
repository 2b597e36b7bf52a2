package io.wellbase.clients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's custom client fields.
 */
@RestController
@RequestMapping("/api/v1/client-fields")
@Tag(name = "Clients")
class ClientFieldsController {

    private final CustomFields fields;

    ClientFieldsController(CustomFields fields) {
        this.fields = fields;
    }

    @GetMapping
    @RequiresPermission(Permission.CLIENT_READ)
    @Operation(summary = "Custom client fields of the organization")
    Map<String, List<CustomFields.Definition>> list(CurrentOrganization org) {
        return Map.of("data", fields.definitions(org.id()));
    }

    @PostMapping
    @RequiresPermission(Permission.CLIENT_MANAGE)
    @Operation(summary = "Define a custom client field (text, number, date, boolean or select)")
    ResponseEntity<CustomFields.Definition> define(
            CurrentOrganization org, @Valid @RequestBody ClientRequests.FieldDefinitionRequest request) {
        var created = fields.define(
                org.id(),
                new CustomFields.Definition(
                        null,
                        request.key(),
                        request.label(),
                        request.type(),
                        request.options(),
                        Boolean.TRUE.equals(request.required())));
        return ResponseEntity.created(URI.create("/api/v1/client-fields/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.CLIENT_MANAGE)
    @Operation(summary = "Delete a field definition (stored values stay until the client is next changed)")
    ResponseEntity<Void> delete(CurrentOrganization org, @PathVariable UUID id) {
        fields.delete(org.id(), id);
        return ResponseEntity.noContent().build();
    }
}
