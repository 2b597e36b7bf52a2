package io.wellbase.dataexchange.internal.mindbody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Mindbody sync (docs/integrations.md): connect a site, sync, follow the syncs, and Mindbody's webhooks. */
@RestController
@Tag(name = "Integrations")
class MindbodyController {

    private final MindbodyIntegration integration;
    private final MindbodyConnections connections;

    MindbodyController(MindbodyIntegration integration, MindbodyConnections connections) {
        this.integration = integration;
        this.connections = connections;
    }

    record ConnectRequest(
            @NotBlank @Pattern(regexp = "^-?[0-9]{1,10}$") String siteId,
            @NotBlank @Size(max = 200) String apiKey,
            @NotBlank @Size(max = 2000) String staffToken,
            @Nullable @Size(min = 16, max = 200) String webhookSignatureKey) {}

    /** A connected site as its owners see it: never its secrets. */
    record ConnectionView(
            String siteId,
            boolean webhooks,
            Map<String, Instant> syncedThrough,
            UUID connectedBy,
            OffsetDateTime updatedAt,
            String webhookUrl) {

        static ConnectionView of(MindbodyConnections.Connection c) {
            return new ConnectionView(
                    c.site().siteId(),
                    c.webhookKey() != null,
                    new java.util.TreeMap<>(c.syncedThrough()),
                    c.connectedBy(),
                    c.updatedAt(),
                    "/api/v1/integrations/mindbody/webhook");
        }
    }

    @PutMapping("/api/v1/integrations/mindbody")
    @RequiresPermission(Permission.DATA_IMPORT)
    @RequiresFeature(Feature.DATA_IMPORT)
    @Operation(summary = "Connect the organization's Mindbody site (checked against Mindbody; the keys are sealed)")
    ConnectionView connect(Caller caller, @Valid @RequestBody ConnectRequest r) {
        return switch (integration.connect(
                caller.requireOrganization(),
                caller.userId(),
                r.siteId(),
                r.apiKey().strip(),
                r.staffToken().strip(),
                r.webhookSignatureKey())) {
            case MindbodyIntegration.Connected.Done done -> ConnectionView.of(done.connection());
            case MindbodyIntegration.Connected.Rejected rejected ->
                throw ApiException.unprocessable(
                        "mindbody.credentials_rejected", "Mindbody refused these credentials: " + rejected.reason());
            case MindbodyIntegration.Connected.Unreachable down ->
                throw new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "mindbody.unavailable",
                        "Mindbody could not be reached: " + down.reason());
            case MindbodyIntegration.Connected.SiteTaken taken ->
                throw ApiException.conflict(
                        "mindbody.site_connected_elsewhere", "This Mindbody site is connected to another organization");
        };
    }

    @GetMapping("/api/v1/integrations/mindbody")
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "The connected Mindbody site and how far each kind is synced")
    ConnectionView connection(Caller caller) {
        return connections
                .find(caller.requireOrganization())
                .map(ConnectionView::of)
                .orElseThrow(() -> ApiException.notFound("Mindbody connection"));
    }

    @DeleteMapping("/api/v1/integrations/mindbody")
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "Disconnect the Mindbody site (what was imported stays)")
    ResponseEntity<Void> disconnect(Caller caller) {
        if (!integration.disconnect(caller.requireOrganization())) {
            throw ApiException.notFound("Mindbody connection");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/integrations/mindbody/syncs")
    @RequiresPermission(Permission.DATA_IMPORT)
    @RequiresFeature(Feature.DATA_IMPORT)
    @Operation(summary = "Sync now: clients, visits, memberships and sales changed since the last sync (202)")
    ResponseEntity<MindbodySyncs.Sync> sync(Caller caller) {
        MindbodySyncs.Sync sync = integration
                .requestSync(caller.requireOrganization(), caller.userId(), "request")
                .orElseThrow(() -> ApiException.conflict("mindbody.not_connected", "Connect a Mindbody site first"));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/integrations/mindbody/syncs/" + sync.id()))
                .body(sync);
    }

    @GetMapping("/api/v1/integrations/mindbody/syncs")
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "The last 20 syncs, newest first")
    List<MindbodySyncs.Sync> syncs(Caller caller) {
        return integration.recent(caller.requireOrganization());
    }

    @GetMapping("/api/v1/integrations/mindbody/syncs/{id}")
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "One sync: its status, each kind's import with its counts, the requests made")
    MindbodySyncs.Sync sync(Caller caller, @PathVariable UUID id) {
        return integration.find(caller.requireOrganization(), id).orElseThrow(() -> ApiException.notFound("Sync"));
    }

    @GetMapping("/api/v1/integrations/mindbody/webhook")
    @Operation(summary = "The webhook URL answers 200 (Mindbody checks it with HEAD, which Spring answers from here)")
    ResponseEntity<Void> webhookCheck() {
        return ResponseEntity.ok().build();
    }

    @PostMapping(path = "/api/v1/integrations/mindbody/webhook", consumes = "application/json")
    @Operation(summary = "Mindbody's webhooks (signature checked): a change there queues an incremental sync")
    ResponseEntity<Void> webhook(
            @RequestBody byte[] body,
            @RequestHeader(name = "X-Mindbody-Signature", required = false) String signature) {
        return switch (integration.webhook(body, signature)) {
            case SYNC_QUEUED -> ResponseEntity.noContent().build();
            case BAD_SIGNATURE ->
                throw ApiException.badRequest("mindbody.bad_signature", "The webhook's signature does not match");
            case UNKNOWN_SITE -> throw ApiException.notFound("Mindbody site");
        };
    }
}
