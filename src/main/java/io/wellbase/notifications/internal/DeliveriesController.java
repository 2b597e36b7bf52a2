package io.wellbase.notifications.internal;

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
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization's outgoing messages: what was sent, what is waiting, what failed, and a retry. */
@RestController
@RequestMapping("/api/v1/notifications/deliveries")
@Tag(name = "Notifications")
class DeliveriesController {

    private final Deliveries deliveries;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    DeliveriesController(Deliveries deliveries, AuditTrail audit, java.time.Clock clock) {
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Operation(
            summary =
                    "Deliveries, newest first, by cursor; filter by status (queued, sent, logged, failed) and channel")
    CursorPage<Deliveries.Delivery> list(
            CurrentOrganization org,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.invalidField("page_size", "must be between 1 and 200");
        }
        DeliveryStatus parsedStatus = status == null
                ? null
                : DeliveryStatus.parse(status)
                        .orElseThrow(
                                () -> ApiException.invalidField("status", "must be queued, sent, logged or failed"));
        Channel parsedChannel = channel == null
                ? null
                : Channel.parse(channel)
                        .filter(c -> c != Channel.IN_APP)
                        .orElseThrow(() -> ApiException.invalidField("channel", "must be email, sms or push"));
        return deliveries.page(org.id(), parsedStatus, parsedChannel, CursorPage.idCursor(cursor), pageSize);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Operation(summary = "One delivery")
    Deliveries.Delivery get(CurrentOrganization org, @PathVariable UUID id) {
        return deliveries.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Delivery"));
    }

    @PostMapping("/{id}/retry")
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Transactional
    @Operation(summary = "Queue a failed delivery again, due now, with a fresh round of attempts")
    Deliveries.Delivery retry(CurrentOrganization org, @PathVariable UUID id) {
        Deliveries.Delivery existing =
                deliveries.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Delivery"));
        Deliveries.Delivery queued = deliveries
                .retry(org.id(), id, clock.instant())
                .orElseThrow(() -> ApiException.conflict(
                        "notification.not_failed",
                        "Only a failed delivery can be retried; this one is " + existing.status()));
        audit.record(AuditRecord.of(
                org.id(),
                "notification.delivery_retried",
                "notification_delivery",
                id,
                Map.of("status", new AuditChange("failed", "queued"))));
        return queued;
    }
}
