package io.wellbase.messaging.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conversations: the caller's own list, starting one, who is in it, and the caller's read mark. */
@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Messaging")
class ConversationsController {

    private final ConversationStore store;
    private final Conversations conversations;
    private final ConversationAccess access;
    private final LiveMessages live;
    private final io.wellbase.audit.AuditTrail audit;

    ConversationsController(
            ConversationStore store,
            Conversations conversations,
            ConversationAccess access,
            LiveMessages live,
            io.wellbase.audit.AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.conversations = conversations;
        this.access = access;
        this.live = live;
    }

    record StartRequest(
            @NotNull String kind,
            @Nullable @Size(max = 200) String title,
            @Nullable UUID clientId,
            @Nullable @Size(max = 50) List<UUID> staffIds) {}

    record ConversationView(
            ConversationStore.Conversation conversation, List<ConversationStore.Participant> participants) {}

    record ParticipantRequest(@NotNull UUID userId) {}

    record ReadRequest(@NotNull Long seq) {}

    record ReceiptsRequest(@NotNull Boolean sendReceipts) {}

    @GetMapping
    @Operation(summary = "The conversations I am in, newest first (cursor), with my unread count and the last message")
    CursorPage<ConversationStore.Listed> list(
            Caller caller,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize) {
        if (pageSize < 1 || pageSize > 100) {
            throw ApiException.invalidField("page_size", "must be between 1 and 100");
        }
        return store.pageFor(caller.requireOrganization(), caller.userId(), CursorPage.idCursor(cursor), pageSize);
    }

    @GetMapping("/all")
    @RequiresPermission(Permission.CONVERSATION_READ_ALL)
    @Operation(summary = "Every conversation of the organization, newest first (cursor); audited")
    CursorPage<ConversationStore.Conversation> all(
            Caller caller,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize) {
        if (pageSize < 1 || pageSize > 100) {
            throw ApiException.invalidField("page_size", "must be between 1 and 100");
        }
        UUID orgId = caller.requireOrganization();
        audit.record(io.wellbase.audit.AuditRecord.of(
                orgId, "conversation.listed_as_admin", "conversation", orgId, Map.of()));
        return store.pageAll(orgId, CursorPage.idCursor(cursor), pageSize);
    }

    @PostMapping
    @RequiresPermission(Permission.CONVERSATION_START)
    @Operation(summary = "Start a conversation with a client (kind client, clientId) or among staff (kind staff)")
    ResponseEntity<ConversationView> start(Caller caller, @Valid @RequestBody StartRequest request) {
        ConversationKind kind = ConversationKind.parse(request.kind())
                .orElseThrow(() -> ApiException.invalidField("kind", "must be client or staff"));
        if (kind == ConversationKind.CLIENT && request.clientId() == null) {
            throw ApiException.invalidField("clientId", "is required for a conversation with a client");
        }
        if (kind == ConversationKind.STAFF && request.clientId() != null) {
            throw ApiException.invalidField("clientId", "a staff conversation has no client");
        }
        UUID orgId = caller.requireOrganization();
        Conversations.Outcome outcome = conversations.start(
                orgId,
                caller.userId(),
                new Conversations.Start(
                        kind,
                        request.title(),
                        request.clientId(),
                        request.staffIds() == null ? List.of() : request.staffIds()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(orgId, done(outcome)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A conversation I am in, with its participants")
    ConversationView get(Caller caller, @PathVariable UUID id) {
        ConversationAccess.Access a =
                access.toRead(caller, id).orElseThrow(() -> ApiException.notFound("Conversation"));
        return view(caller.requireOrganization(), a.conversation());
    }

    @PostMapping("/{id}/participants")
    @RequiresPermission(Permission.CONVERSATION_START)
    @Operation(summary = "Add a staff member to a conversation I am in")
    ConversationView addParticipant(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody ParticipantRequest request) {
        UUID orgId = caller.requireOrganization();
        ConversationAccess.Access a = participant(caller, id);
        return view(orgId, done(conversations.addStaff(orgId, a.conversation(), request.userId())));
    }

    @DeleteMapping("/{id}/participants/{userId}")
    @RequiresPermission(Permission.CONVERSATION_START)
    @Operation(summary = "Remove a participant from a conversation I am in")
    ResponseEntity<Void> removeParticipant(Caller caller, @PathVariable UUID id, @PathVariable UUID userId) {
        UUID orgId = caller.requireOrganization();
        ConversationAccess.Access a = participant(caller, id);
        if (!conversations.remove(orgId, a.conversation(), userId)) {
            throw ApiException.notFound("Participant");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark the conversation read up to a sequence number (never back)")
    Map<String, Object> read(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReadRequest request) {
        UUID orgId = caller.requireOrganization();
        ConversationAccess.Access a = participant(caller, id);
        if (request.seq() < 0) {
            throw ApiException.invalidField("seq", "must not be negative");
        }
        long readSeq = store.markRead(orgId, id, caller.userId(), request.seq());
        if (a.participant().orElseThrow().sendReceipts()) {
            live.read(id, caller.userId(), readSeq);
        }
        return Map.of("conversationId", id, "readSeq", readSeq);
    }

    @PutMapping("/{id}/receipts")
    @Operation(summary = "Whether my read mark is shown to the other participants")
    Map<String, Object> receipts(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReceiptsRequest request) {
        participant(caller, id);
        store.setReceipts(caller.requireOrganization(), id, caller.userId(), request.sendReceipts());
        return Map.of("conversationId", id, "sendReceipts", request.sendReceipts());
    }

    private ConversationAccess.Access participant(Caller caller, UUID id) {
        return access.asParticipant(caller.requireOrganization(), caller.userId(), id)
                .orElseThrow(() -> ApiException.notFound("Conversation"));
    }

    private ConversationView view(UUID orgId, ConversationStore.Conversation c) {
        return new ConversationView(c, store.participants(orgId, c.id()));
    }

    private static ConversationStore.Conversation done(Conversations.Outcome outcome) {
        return switch (outcome) {
            case Conversations.Done d -> d.conversation();
            case Conversations.UnknownPerson u ->
                throw ApiException.invalidField(u.field(), u.id() + " is not a member of this organization");
        };
    }
}
