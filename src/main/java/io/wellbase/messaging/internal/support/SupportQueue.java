package io.wellbase.messaging.internal.support;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.messaging.internal.ConversationKind;
import io.wellbase.messaging.internal.ConversationStore;
import io.wellbase.platform.data.Ids;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The counselor support queue: a client opens a session, a counselor takes it, either closes it, the client rates it. */
@Service
class SupportQueue {

    private final ChatSessionStore sessions;
    private final ConversationStore conversations;
    private final AuditTrail audit;

    SupportQueue(ChatSessionStore sessions, ConversationStore conversations, AuditTrail audit) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.audit = audit;
    }

    /** A session opens as a conversation with the client in it, waiting in the queue. */
    @Transactional
    ChatSessionStore.ChatSession open(UUID orgId, UUID clientId, UUID clientUserId, String topic, Priority priority) {
        UUID conversationId = Ids.newId();
        conversations.insert(orgId, conversationId, ConversationKind.CLIENT, topic, clientId, clientUserId);
        conversations.addParticipant(orgId, conversationId, clientUserId, "client");
        ChatSessionStore.ChatSession session =
                sessions.insert(orgId, Ids.newId(), conversationId, clientId, clientUserId, topic, priority);
        audit.record(AuditRecord.of(
                orgId,
                "chat_session.opened",
                "chat_session",
                session.id(),
                Map.of("priority", new AuditChange(null, priority.value()))));
        return session;
    }

    /** What became of a take. */
    sealed interface Taken {}

    record Given(ChatSessionStore.ChatSession session) implements Taken {}

    /** Someone else took it first, or it closed. */
    record NotWaiting(String status) implements Taken {}

    /** The counselor is not available, has no profile, or has no free place. */
    record NotAvailable() implements Taken {}

    record Unknown() implements Taken {}

    @Transactional
    Taken take(UUID orgId, UUID sessionId, UUID counselorId) {
        Optional<ChatSessionStore.ChatSession> taken = sessions.take(orgId, sessionId, counselorId);
        if (taken.isPresent()) {
            conversations.addParticipant(orgId, taken.get().conversationId(), counselorId, "staff");
            audit.record(AuditRecord.of(
                    orgId,
                    "chat_session.taken",
                    "chat_session",
                    sessionId,
                    Map.of("status", new AuditChange("waiting", "active"))));
            return new Given(taken.get());
        }
        return sessions.find(orgId, sessionId)
                .<Taken>map(s -> s.status().equals("waiting") ? new NotAvailable() : new NotWaiting(s.status()))
                .orElse(new Unknown());
    }

    @Transactional
    Optional<ChatSessionStore.ChatSession> close(UUID orgId, UUID sessionId, UUID by) {
        Optional<ChatSessionStore.ChatSession> closed = sessions.close(orgId, sessionId, by);
        closed.ifPresent(s -> audit.record(AuditRecord.of(
                orgId,
                "chat_session.closed",
                "chat_session",
                sessionId,
                Map.of("status", new AuditChange(null, "closed")))));
        return closed;
    }
}
