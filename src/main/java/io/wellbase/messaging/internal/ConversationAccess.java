package io.wellbase.messaging.internal;

import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may see a conversation: its participants; and staff whose role has {@link Permission#CONVERSATION_READ_ALL},
 * each such reading audited. Anyone else, and every other organization, gets nothing (a 404 at the edge).
 */
@Component
class ConversationAccess {

    private final ConversationStore conversations;
    private final AuditTrail audit;

    ConversationAccess(ConversationStore conversations, AuditTrail audit) {
        this.conversations = conversations;
        this.audit = audit;
    }

    /** A conversation and how the caller is in it. */
    record Access(ConversationStore.Conversation conversation, Optional<ConversationStore.Participant> participant) {

        boolean mayWrite() {
            return participant.isPresent();
        }
    }

    /** As a participant only: to write, mark read, or receive it live. */
    Optional<Access> asParticipant(UUID orgId, UUID userId, UUID conversationId) {
        return conversations
                .participant(orgId, conversationId, userId)
                .flatMap(p -> conversations.find(orgId, conversationId).map(c -> new Access(c, Optional.of(p))));
    }

    /** To read: a participant, or an audited reader with the right to read every conversation. */
    Optional<Access> toRead(Caller caller, UUID conversationId) {
        UUID orgId = caller.requireOrganization();
        Optional<Access> own = asParticipant(orgId, caller.userId(), conversationId);
        if (own.isPresent() || !caller.can(Permission.CONVERSATION_READ_ALL)) {
            return own;
        }
        Optional<Access> any = conversations.find(orgId, conversationId).map(c -> new Access(c, Optional.empty()));
        any.ifPresent(a -> audit.record(
                AuditRecord.of(orgId, "conversation.read_as_admin", "conversation", conversationId, Map.of())));
        return any;
    }
}
