package io.wellbase.notifications.internal.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints of the organization (Standard Webhooks): register one and get its signing secret,
 * change, disable or delete it, rotate the secret (the old one stays valid for a day), read its delivery
 * log, replay a delivery, or resend everything since a moment.
 */
@RestController
@Tag(name = "Webhooks")
class WebhooksController {

    static final Duration PREVIOUS_SECRET_VALID = Duration.ofHours(24);

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final UrlGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    WebhooksController(
            WebhookEndpoints endpoints, WebhookDeliveries deliveries, UrlGuard guard, AuditTrail audit, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    record EndpointRequest(
            @NotBlank @Size(max = 2000) String url,
            @NotNull @Size(min = 1, max = 20) List<String> eventTypes,
            @Nullable @Size(max = 500) String description,
            @Nullable Boolean enabled) {}

    record EndpointPatch(
            @Nullable @Size(max = 2000) String url,
            @Nullable @Size(min = 1, max = 20) List<String> eventTypes,
            @Nullable @Size(max = 500) String description,
            @Nullable Boolean enabled) {}

    record EndpointView(
            UUID id,
            String url,
            @Nullable String description,
            List<String> eventTypes,
            boolean enabled,
            @Nullable String disabledReason,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static EndpointView of(WebhookEndpoints.Endpoint e) {
            return new EndpointView(
                    e.id(),
                    e.url(),
                    e.description(),
                    e.eventTypes(),
                    e.enabled(),
                    e.disabledReason(),
                    e.createdAt(),
                    e.updatedAt());
        }
    }

    /** The endpoint with its secret: answered on creation and rotation only. */
    record EndpointWithSecret(
            EndpointView endpoint, String secret, @Nullable OffsetDateTime previousSecretValidUntil) {}

    record ResendRequest(@NotNull OffsetDateTime since) {}

    record DeliveryView(WebhookDeliveries.Delivery delivery, List<WebhookDeliveries.Attempt> attempts) {}

    @PostMapping("/api/v1/webhooks/endpoints")
    @io.wellbase.platform.plans.RequiresFeature(io.wellbase.platform.plans.Feature.WEBHOOKS)
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Transactional
    @Operation(summary = "Register an endpoint; the answer carries its signing secret (whsec_…)")
    ResponseEntity<EndpointWithSecret> create(CurrentOrganization org, @Valid @RequestBody EndpointRequest request) {
        String url = checkedUrl(request.url());
        List<String> types = checkedTypes(request.eventTypes());
        WebhookEndpoints.Endpoint created = endpoints.create(
                org.id(), url, request.description(), types, request.enabled() == null || request.enabled());
        audit.record(AuditRecord.of(
                org.id(),
                "webhook.endpoint_created",
                "webhook_endpoint",
                created.id(),
                AuditChange.created(Map.of("url", url, "eventTypes", types))));
        return ResponseEntity.created(URI.create("/api/v1/webhooks/endpoints/" + created.id()))
                .body(new EndpointWithSecret(EndpointView.of(created), created.secret(), null));
    }

    @GetMapping("/api/v1/webhooks/endpoints")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "The organization's endpoints (without secrets)")
    Map<String, List<EndpointView>> list(CurrentOrganization org) {
        return Map.of(
                "data", endpoints.list(org.id()).stream().map(EndpointView::of).toList());
    }

    @GetMapping("/api/v1/webhooks/endpoints/{id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "One endpoint (without its secret)")
    EndpointView get(CurrentOrganization org, @PathVariable UUID id) {
        return EndpointView.of(endpoint(org, id));
    }

    @PatchMapping("/api/v1/webhooks/endpoints/{id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Transactional
    @Operation(summary = "Change an endpoint's URL, event types, description, or enable or disable it")
    EndpointView update(CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody EndpointPatch patch) {
        WebhookEndpoints.Endpoint before = endpoint(org, id);
        WebhookEndpoints.Endpoint changed = new WebhookEndpoints.Endpoint(
                id,
                patch.url() == null ? before.url() : checkedUrl(patch.url()),
                patch.description() == null ? before.description() : patch.description(),
                patch.eventTypes() == null ? before.eventTypes() : checkedTypes(patch.eventTypes()),
                patch.enabled() == null ? before.enabled() : patch.enabled(),
                before.disabledReason(),
                before.secret(),
                before.previousSecret(),
                before.previousSecretUntil(),
                before.createdAt(),
                before.updatedAt());
        WebhookEndpoints.Endpoint after = endpoints.update(org.id(), changed);
        audit.record(AuditRecord.of(
                org.id(),
                "webhook.endpoint_changed",
                "webhook_endpoint",
                id,
                AuditChange.diff(
                        Map.of("url", before.url(), "eventTypes", before.eventTypes(), "enabled", before.enabled()),
                        Map.of("url", after.url(), "eventTypes", after.eventTypes(), "enabled", after.enabled()))));
        return EndpointView.of(after);
    }

    @DeleteMapping("/api/v1/webhooks/endpoints/{id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Transactional
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an endpoint and its delivery log")
    void delete(CurrentOrganization org, @PathVariable UUID id) {
        WebhookEndpoints.Endpoint existing = endpoint(org, id);
        endpoints.delete(org.id(), id);
        audit.record(AuditRecord.of(
                org.id(),
                "webhook.endpoint_deleted",
                "webhook_endpoint",
                id,
                Map.of("url", new AuditChange(existing.url(), null))));
    }

    @PostMapping("/api/v1/webhooks/endpoints/{id}/rotate-secret")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Transactional
    @Operation(summary = "A new signing secret; deliveries carry both signatures until the old one expires (24 h)")
    EndpointWithSecret rotate(CurrentOrganization org, @PathVariable UUID id) {
        endpoint(org, id);
        WebhookEndpoints.Endpoint rotated =
                endpoints.rotate(org.id(), id, clock.instant().plus(PREVIOUS_SECRET_VALID));
        audit.record(AuditRecord.of(
                org.id(),
                "webhook.secret_rotated",
                "webhook_endpoint",
                id,
                Map.of("secret", new AuditChange("[redacted]", "[redacted]"))));
        return new EndpointWithSecret(EndpointView.of(rotated), rotated.secret(), rotated.previousSecretUntil());
    }

    @GetMapping("/api/v1/webhooks/endpoints/{id}/deliveries")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "The endpoint's deliveries, newest first, by cursor")
    CursorPage<WebhookDeliveries.Delivery> deliveries(
            CurrentOrganization org,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
        endpoint(org, id);
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.invalidField("page_size", "must be between 1 and 200");
        }
        return deliveries.page(org.id(), id, CursorPage.idCursor(cursor), pageSize);
    }

    @PostMapping("/api/v1/webhooks/endpoints/{id}/resend")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Transactional
    @Operation(summary = "Queue again every delivery of the endpoint since a moment")
    Map<String, Integer> resend(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody ResendRequest request) {
        endpoint(org, id);
        int queued = deliveries.resendSince(org.id(), id, request.since().toInstant(), clock.instant());
        audit.record(AuditRecord.of(
                org.id(),
                "webhook.resent",
                "webhook_endpoint",
                id,
                Map.of("since", new AuditChange(null, request.since().toString()))));
        return Map.of("queued", queued);
    }

    @GetMapping("/api/v1/webhooks/deliveries/{id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "One delivery with every attempt: status code, duration, error")
    DeliveryView delivery(CurrentOrganization org, @PathVariable UUID id) {
        WebhookDeliveries.Delivery d =
                deliveries.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Webhook delivery"));
        return new DeliveryView(d, deliveries.attempts(org.id(), id));
    }

    @PostMapping("/api/v1/webhooks/deliveries/{id}/replay")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Transactional
    @Operation(summary = "Send one delivery again (same webhook-id), now")
    WebhookDeliveries.Delivery replay(CurrentOrganization org, @PathVariable UUID id) {
        WebhookDeliveries.Delivery replayed = deliveries
                .replay(org.id(), id, clock.instant())
                .orElseThrow(() -> ApiException.notFound("Webhook delivery"));
        audit.record(AuditRecord.of(
                org.id(),
                "webhook.replayed",
                "webhook_delivery",
                id,
                Map.of("status", new AuditChange(null, "queued"))));
        return replayed;
    }

    private WebhookEndpoints.Endpoint endpoint(CurrentOrganization org, UUID id) {
        return endpoints.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Webhook endpoint"));
    }

    private String checkedUrl(String url) {
        guard.refusal(url).ifPresent(reason -> {
            throw ApiException.invalidField("url", reason);
        });
        return url;
    }

    private static List<String> checkedTypes(List<String> types) {
        LinkedHashSet<String> known = new LinkedHashSet<>();
        for (String type : types) {
            if (type == null || WebhookEventType.parse(type).isEmpty()) {
                throw ApiException.invalidField("eventTypes", type + " is not an event type");
            }
            known.add(type);
        }
        return List.copyOf(known);
    }
}
