package io.wellbase.messaging.internal.support;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counselor support queue over HTTP. Clients open, see, close and rate their own sessions; staff see the
 * queue, take sessions (as available counselors with a free place), close their own, and read the metrics.
 * A session's messages go through the conversation endpoints (its {@code conversationId}).
 */
@RestController
@Tag(name = "Support queue")
class SupportController {

    private final SupportQueue queue;
    private final ChatSessionStore sessions;
    private final ClientAccounts accounts;
    private final io.wellbase.audit.AuditTrail audit;
    private final String defaultCrisisLine;
    private final OnCallContacts onCall;

    SupportController(
            SupportQueue queue,
            ChatSessionStore sessions,
            ClientAccounts accounts,
            io.wellbase.audit.AuditTrail audit,
            io.wellbase.messaging.MessagingProperties properties,
            OnCallContacts onCall) {
        this.onCall = onCall;
        this.queue = queue;
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
        this.defaultCrisisLine = properties.crisisLine();
    }

    record OpenRequest(
            @NotBlank @Size(max = 200) String topic,
            @Nullable String priority) {}

    record RateRequest(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Nullable @Size(max = 2000) String feedback) {}

    record CounselorRequest(
            @Nullable @Size(max = 100) String licenseNumber,
            @Nullable @Size(max = 20) List<@Size(max = 100) String> specializations,
            @Nullable @Size(max = 4000) String bio,
            @Nullable @Size(max = 20) List<@Size(max = 20) String> languages,
            @NotNull String status,
            @Nullable @Min(1) @Max(20) Integer maxSessions,

            @Nullable
            @Pattern(regexp = OnCallContacts.PHONE, message = "must be a phone number in E.164 form (+4930123456)")
            String alertPhone) {}

    @PostMapping("/api/v1/chat/sessions")
    @Operation(summary = "Open a chat session (clients): it waits in the queue by priority, then waiting time")
    ResponseEntity<ChatSessionStore.ChatSession> open(Caller caller, @Valid @RequestBody OpenRequest request) {
        UUID orgId = caller.requireOrganization();
        UUID clientId = ownClient(caller);
        Priority priority = request.priority() == null
                ? Priority.MEDIUM
                : Priority.parse(request.priority())
                        .orElseThrow(
                                () -> ApiException.invalidField("priority", "must be low, medium, high or emergency"));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(queue.open(
                        orgId, clientId, caller.userId(), request.topic().strip(), priority));
    }

    @GetMapping("/api/v1/chat/sessions")
    @Operation(summary = "A client's own sessions; for staff, the waiting queue in order and their own active sessions")
    Map<String, Object> list(Caller caller) {
        UUID orgId = caller.requireOrganization();
        if (caller.role() == Role.CLIENT) {
            return Map.of("data", sessions.ofClient(orgId, ownClient(caller), 100));
        }
        caller.require(Permission.CONVERSATION_START);
        return Map.of("queue", sessions.queue(orgId, 200), "mine", sessions.activeOf(orgId, caller.userId()));
    }

    @GetMapping("/api/v1/chat/sessions/{id}")
    @Operation(summary = "One session: its client, or staff")
    ChatSessionStore.ChatSession get(Caller caller, @PathVariable UUID id) {
        return visible(caller, id);
    }

    @PostMapping("/api/v1/chat/sessions/{id}/take")
    @RequiresPermission(Permission.CONVERSATION_START)
    @Operation(
            summary = "Take a waiting session (an available counselor with a free place); of two at once, one gets it")
    ChatSessionStore.ChatSession take(Caller caller, @PathVariable UUID id) {
        return switch (queue.take(caller.requireOrganization(), id, caller.userId())) {
            case SupportQueue.Given g -> g.session();
            case SupportQueue.NotWaiting n ->
                throw ApiException.conflict("chat.not_waiting", "The session is " + n.status() + ", not waiting");
            case SupportQueue.NotAvailable n ->
                throw ApiException.conflict(
                        "chat.counselor_unavailable",
                        "Take sessions as an available counselor with a free place (PUT /api/v1/chat/counselors/me)");
            case SupportQueue.Unknown u -> throw ApiException.notFound("Chat session");
        };
    }

    @PostMapping("/api/v1/chat/sessions/{id}/close")
    @Operation(summary = "Close a session: its client, or its counselor")
    ChatSessionStore.ChatSession close(Caller caller, @PathVariable UUID id) {
        ChatSessionStore.ChatSession session = visible(caller, id);
        boolean mine = caller.role() == Role.CLIENT || caller.userId().equals(session.counselorId());
        if (!mine) {
            throw ApiException.forbidden("chat.not_yours", "Only the session's client or counselor closes it");
        }
        return queue.close(caller.requireOrganization(), id, caller.userId())
                .orElseThrow(() -> ApiException.conflict("chat.closed", "The session is closed already"));
    }

    @PutMapping("/api/v1/chat/sessions/{id}/rate")
    @Operation(summary = "Rate a closed session once (its client): 1–5 and feedback")
    ChatSessionStore.ChatSession rate(Caller caller, @PathVariable UUID id, @Valid @RequestBody RateRequest request) {
        if (caller.role() != Role.CLIENT) {
            throw ApiException.forbidden("chat.not_yours", "Only the session's client rates it");
        }
        visible(caller, id);
        return sessions.rate(caller.requireOrganization(), id, request.rating(), request.feedback())
                .orElseThrow(() -> ApiException.conflict("chat.not_rateable", "Rate a closed session, once"));
    }

    @PutMapping("/api/v1/chat/counselors/me")
    @RequiresPermission(Permission.CONVERSATION_START)
    @Operation(
            summary = "My counselor profile: license, specializations, bio, languages, status, most sessions at once")
    List<ChatSessionStore.Counselor> saveMe(Caller caller, @Valid @RequestBody CounselorRequest request) {
        CounselorStatus status = CounselorStatus.parse(request.status())
                .orElseThrow(() -> ApiException.invalidField("status", "must be available, busy or offline"));
        UUID orgId = caller.requireOrganization();
        sessions.saveCounselor(
                orgId,
                caller.userId(),
                request.licenseNumber(),
                request.specializations() == null ? List.of() : request.specializations(),
                request.bio(),
                request.languages() == null ? List.of() : request.languages(),
                status,
                request.maxSessions() == null ? 3 : request.maxSessions(),
                request.alertPhone());
        if (status == CounselorStatus.AVAILABLE) {
            queue.offer(orgId);
        }
        return sessions.counselors(orgId).stream()
                .filter(c -> c.userId().equals(caller.userId()))
                .toList();
    }

    @GetMapping("/api/v1/chat/counselors")
    @RequiresPermission(Permission.CONVERSATION_START)
    @Operation(summary = "The organization's counselors with status, rating, sessions in all and active now")
    Map<String, Object> counselors(Caller caller) {
        boolean admin = caller.can(Permission.ORGANIZATION_UPDATE);
        // a counselor's alert phone is their own: shown to them and to owners and admins only
        return Map.of(
                "data",
                sessions.counselors(caller.requireOrganization()).stream()
                        .map(c -> admin || c.userId().equals(caller.userId()) ? c : c.withoutAlertPhone())
                        .toList());
    }

    record SupportSettings(
            @NotBlank @Size(max = 300) String crisisLine,
            @Nullable @Size(max = OnCallContacts.MAX) List<OnCallContacts.@Valid @NotNull Contact> onCallContacts) {}

    @GetMapping("/api/v1/chat/settings")
    @RequiresPermission(Permission.CONVERSATION_START)
    @Operation(summary = "Where a client in crisis is told to find immediate help; who is called in an emergency")
    SupportSettings settings(Caller caller) {
        UUID orgId = caller.requireOrganization();
        return new SupportSettings(sessions.crisisLine(orgId).orElse(defaultCrisisLine), onCall.of(orgId));
    }

    @PutMapping("/api/v1/chat/settings")
    @RequiresPermission(Permission.ORGANIZATION_UPDATE)
    @Operation(
            summary =
                    "Set the organization's crisis line and on-call contacts (email and/or phone; owner, admin); audited")
    SupportSettings saveSettings(Caller caller, @Valid @RequestBody SupportSettings request) {
        UUID orgId = caller.requireOrganization();
        List<OnCallContacts.Contact> contacts = request.onCallContacts() == null ? List.of() : request.onCallContacts();
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).email() == null && contacts.get(i).phone() == null) {
                throw ApiException.invalidField("onCallContacts[" + i + "]", "needs an email or a phone");
            }
        }
        String before = sessions.crisisLine(orgId).orElse(null);
        int contactsBefore = onCall.of(orgId).size();
        sessions.saveSettings(orgId, request.crisisLine().strip(), onCall.json(contacts));
        audit.record(io.wellbase.audit.AuditRecord.of(
                orgId,
                "support.settings_changed",
                "support_settings",
                orgId,
                Map.of(
                        "crisisLine",
                        new io.wellbase.audit.AuditChange(
                                before, request.crisisLine().strip()),
                        "onCallContacts",
                        new io.wellbase.audit.AuditChange(contactsBefore, contacts.size()))));
        return new SupportSettings(request.crisisLine().strip(), contacts);
    }

    @GetMapping("/api/v1/chat/metrics")
    @RequiresPermission(Permission.CONVERSATION_START)
    @Operation(
            summary = "Per priority: waiting now, and over 30 days the median wait and first-response time (seconds)")
    Map<String, Object> metrics(Caller caller) {
        return Map.of("data", sessions.metrics(caller.requireOrganization()));
    }

    private UUID ownClient(Caller caller) {
        if (caller.role() != Role.CLIENT) {
            throw ApiException.forbidden("chat.clients_only", "Chat sessions are opened by clients");
        }
        return accounts.clientOf(caller.userId(), caller.requireOrganization())
                .orElseThrow(() -> ApiException.forbidden("chat.clients_only", "Chat sessions are opened by clients"));
    }

    /** The session when the caller is its client or staff; 404 otherwise. */
    private ChatSessionStore.ChatSession visible(Caller caller, UUID id) {
        UUID orgId = caller.requireOrganization();
        ChatSessionStore.ChatSession session =
                sessions.find(orgId, id).orElseThrow(() -> ApiException.notFound("Chat session"));
        if (caller.role() == Role.CLIENT) {
            if (!session.clientId().equals(ownClient(caller))) {
                throw ApiException.notFound("Chat session");
            }
        } else if (!caller.can(Permission.CONVERSATION_START)) {
            throw ApiException.notFound("Chat session");
        }
        return session;
    }
}
