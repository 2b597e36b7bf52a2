package io.wellbase.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.clients.ClientSegments;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.jobs.BackgroundJobs;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Staff send a message to one client, a list of clients, or every client matching the client list's
 * filters; it goes out as a background job, and its counts (targeted, in the app, opened, delivered,
 * failed, waiting) are read at {@code GET /api/v1/notifications/broadcasts/{id}}.
 */
@RestController
@Tag(name = "Notifications")
class BroadcastsController {

    static final int MAX_LISTED = 10_000;

    private final Broadcasts broadcasts;
    private final ClientDirectory clients;
    private final ClientSegments segments;
    private final BackgroundJobs jobs;
    private final OneTimeTask<Void> task;
    private final AuditTrail audit;
    private final ObjectMapper json;

    BroadcastsController(
            Broadcasts broadcasts,
            ClientDirectory clients,
            ClientSegments segments,
            BackgroundJobs jobs,
            OneTimeTask<Void> notificationBroadcastTask,
            AuditTrail audit,
            ObjectMapper json) {
        this.broadcasts = broadcasts;
        this.clients = clients;
        this.segments = segments;
        this.jobs = jobs;
        this.task = notificationBroadcastTask;
        this.audit = audit;
        this.json = json;
    }

    record BroadcastRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String body,
            @Nullable @Size(max = MAX_LISTED) List<UUID> clientIds,
            @Nullable @Size(max = 20) Map<String, List<String>> segment) {}

    @PostMapping("/api/v1/notifications")
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Transactional
    @Operation(
            summary =
                    "Send a message to clients (clientIds) or a segment (the client list's filters); 202 with the broadcast")
    ResponseEntity<Broadcasts.Broadcast> send(Caller caller, @Valid @RequestBody BroadcastRequest request) {
        UUID orgId = caller.requireOrganization();
        List<UUID> ids = request.clientIds() == null
                ? List.of()
                : List.copyOf(new java.util.LinkedHashSet<>(request.clientIds()));
        Map<String, List<String>> segment = request.segment() == null ? Map.of() : request.segment();
        if (ids.isEmpty() == (request.segment() == null)) {
            throw ApiException.invalidField("clientIds", "name the clients, or a segment, not both and not neither");
        }
        if (!ids.isEmpty() && clients.recipients(orgId, ids).size() != ids.size()) {
            throw ApiException.invalidField("clientIds", "must all be clients of this organization");
        }
        if (ids.isEmpty()) {
            segments.check(orgId, segment);
        }
        UUID id = Ids.newId();
        String audience = json.writeValueAsString(new BroadcastJob.Audience(ids, segment));
        broadcasts.create(orgId, id, request.title(), request.body(), audience, caller.userId());
        audit.record(AuditRecord.of(
                orgId,
                "notification.broadcast_sent",
                "notification_broadcast",
                id,
                AuditChange.created(Map.of("title", request.title(), "clients", ids.size(), "segment", segment))));
        jobs.runSoon(task, id);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/notifications/broadcasts/" + id))
                .body(broadcasts.find(orgId, id).orElseThrow());
    }

    @GetMapping("/api/v1/notifications/broadcasts/{id}")
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Operation(summary = "A broadcast with its counts: targeted, in the app, opened, delivered, failed, waiting")
    Broadcasts.Broadcast get(Caller caller, @PathVariable UUID id) {
        return broadcasts.find(caller.requireOrganization(), id).orElseThrow(() -> ApiException.notFound("Broadcast"));
    }
}
