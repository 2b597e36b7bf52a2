package io.wellbase.messaging.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RestController;

/** Messages of a conversation: read by sequence number, sent (idempotently), edited and deleted by their sender. */
@RestController
@Tag(name = "Messaging")
class MessagesController {

    private final ConversationAccess access;
    private final MessageStore messages;
    private final ConversationStore conversations;
    private final PostMessage post;
    private final LiveMessages live;

    MessagesController(
            ConversationAccess access,
            MessageStore messages,
            ConversationStore conversations,
            PostMessage post,
            LiveMessages live) {
        this.access = access;
        this.messages = messages;
        this.conversations = conversations;
        this.post = post;
        this.live = live;
    }

    record SendRequest(
            @Nullable UUID conversationId,
            @Nullable String body,
            @Nullable String type,
            @Nullable UUID attachmentFileId,
            @Nullable @Size(max = 100) String clientMessageId) {}

    record EditRequest(@NotNull String body) {}

    /** Messages oldest first; {@code lastSeq} is the conversation's newest number, to resume from. */
    record MessagePage(List<MessageStore.Message> data, long lastSeq) {}

    @GetMapping("/api/v1/conversations/{id}/messages")
    @Operation(summary = "Messages after and/or before a sequence number, oldest first (the newest when only before)")
    MessagePage list(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Long after,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw ApiException.invalidField("limit", "must be between 1 and 200");
        }
        if ((after != null && after < 0) || (before != null && before < 0)) {
            throw ApiException.invalidField(after != null && after < 0 ? "after" : "before", "must not be negative");
        }
        ConversationAccess.Access a =
                access.toRead(caller, id).orElseThrow(() -> ApiException.notFound("Conversation"));
        return new MessagePage(
                messages.range(caller.requireOrganization(), id, after, before, limit),
                a.conversation().lastSeq());
    }

    @PostMapping("/api/v1/messages")
    @Operation(
            summary =
                    "Send a message (conversationId in the body); a resend with the same clientMessageId answers the first")
    ResponseEntity<MessageStore.Message> send(Caller caller, @Valid @RequestBody SendRequest request) {
        if (request.conversationId() == null) {
            throw ApiException.invalidField("conversationId", "is required");
        }
        return sendTo(caller, request.conversationId(), request);
    }

    @PostMapping("/api/v1/conversations/{id}/messages")
    @Operation(summary = "Send a message to the conversation")
    ResponseEntity<MessageStore.Message> sendToConversation(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody SendRequest request) {
        if (request.conversationId() != null && !request.conversationId().equals(id)) {
            throw ApiException.invalidField("conversationId", "differs from the conversation in the path");
        }
        return sendTo(caller, id, request);
    }

    @PatchMapping("/api/v1/messages/{id}")
    @Transactional
    @Operation(summary = "Edit my own message")
    MessageStore.Message edit(Caller caller, @PathVariable UUID id, @Valid @RequestBody EditRequest request) {
        UUID orgId = caller.requireOrganization();
        MessageStore.Message message = mine(caller, id);
        String body = request.body().strip();
        if (body.isEmpty()) {
            throw ApiException.invalidField("body", "must not be empty");
        }
        MessageStore.Message edited = messages.edit(orgId, id, caller.userId(), body)
                .orElseThrow(() -> ApiException.conflict("message.deleted", "A deleted message cannot be edited"));
        live.changed(message.conversationId(), edited, "message.edited");
        return edited;
    }

    @DeleteMapping("/api/v1/messages/{id}")
    @Transactional
    @Operation(summary = "Delete my own message: it stays as a tombstone without its text")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        UUID orgId = caller.requireOrganization();
        MessageStore.Message message = mine(caller, id);
        messages.tombstone(orgId, id, caller.userId())
                .ifPresent(t -> live.changed(message.conversationId(), t, "message.deleted"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/messages/unread-count")
    @Operation(summary = "How many messages I have not read, over all my conversations")
    Map<String, Long> unread(Caller caller) {
        return Map.of("count", conversations.unread(caller.requireOrganization(), caller.userId()));
    }

    private ResponseEntity<MessageStore.Message> sendTo(Caller caller, UUID conversationId, SendRequest request) {
        UUID orgId = caller.requireOrganization();
        access.asParticipant(orgId, caller.userId(), conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation"));
        MessageType type = request.type() == null
                ? MessageType.TEXT
                : MessageType.parse(request.type())
                        .orElseThrow(() -> ApiException.invalidField("type", "must be text, image, file or resource"));
        PostMessage.Outcome outcome = post.post(
                orgId,
                caller.userId(),
                conversationId,
                new PostMessage.Draft(type, request.body(), request.attachmentFileId(), request.clientMessageId()));
        return switch (outcome) {
            case PostMessage.Posted p ->
                ResponseEntity.status(p.fresh() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(p.message());
            case PostMessage.Refused r -> throw refusal(r.reason());
        };
    }

    private static ApiException refusal(PostMessage.Reason reason) {
        return switch (reason) {
            case EMPTY -> ApiException.invalidField("body", "must not be empty");
            case TOO_LONG -> ApiException.invalidField("body", "is longer than the limit");
            case ATTACHMENT_MISSING -> ApiException.invalidField("attachmentFileId", "is required for this type");
            case ATTACHMENT_UNKNOWN ->
                ApiException.invalidField("attachmentFileId", "is not an attachment you uploaded to this organization");
            case SAME_KEY_OTHER_MESSAGE ->
                ApiException.unprocessable(
                        "message.key_reused", "This clientMessageId was used for another message in this conversation");
        };
    }

    /** A message of a conversation the caller is in, sent by the caller; else 404 (not theirs to see) or 403. */
    private MessageStore.Message mine(Caller caller, UUID id) {
        UUID orgId = caller.requireOrganization();
        MessageStore.Message message = messages.find(orgId, id)
                .filter(m -> access.asParticipant(orgId, caller.userId(), m.conversationId())
                        .isPresent())
                .orElseThrow(() -> ApiException.notFound("Message"));
        if (!message.senderId().equals(caller.userId())) {
            throw ApiException.forbidden("message.not_yours", "Only its sender may change a message");
        }
        return message;
    }
}
