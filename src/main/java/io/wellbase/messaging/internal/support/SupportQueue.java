package io.wellbase.messaging.internal.support;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.messaging.internal.ConversationKind;
import io.wellbase.messaging.internal.ConversationStore;
import io.wellbase.notifications.StaffAlerts;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counselor support queue: a client opens a session (an emergency alerts the counselors on duty), a
 * counselor takes it, either closes it, the client rates it.
 */
@Service
class SupportQueue {

    private final ChatSessionStore sessions;
    private final ConversationStore conversations;
    private final AuditTrail audit;
    private final StaffAlerts alerts;
    private final Locations staff;
    private final OnCallContacts onCall;
    private final QueueEvents events;
    private final io.wellbase.messaging.internal.ConversationEvents conversationEvents;

    SupportQueue(
            ChatSessionStore sessions,
            ConversationStore conversations,
            AuditTrail audit,
            StaffAlerts alerts,
            Locations staff,
            OnCallContacts onCall,
            QueueEvents events,
            io.wellbase.messaging.internal.ConversationEvents conversationEvents) {
        this.conversationEvents = conversationEvents;
        this.onCall = onCall;
        this.events = events;
        this.sessions = sessions;
        this.conversations = conversations;
        this.audit = audit;
        this.alerts = alerts;
        this.staff = staff;
    }

    /**
     * An emergency tells every counselor on duty at once, past preferences and quiet hours (with none on duty,
     * the organization's owners and admins), and the on-call contacts and on-duty alert phones by email and SMS.
     */
    private void alert(UUID orgId, ChatSessionStore.ChatSession session) {
        List<UUID> onDuty = sessions.onDuty(orgId);
        List<UUID> told = !onDuty.isEmpty()
                ? onDuty
                : staff.staff(orgId).stream()
                        .filter(m -> m.role() == Role.OWNER || m.role() == Role.ADMIN)
                        .map(Locations.StaffMember::userId)
                        .toList();
        alerts.emergencyWaiting(orgId, told, onCall.forEmergency(orgId), session.id(), session.topic());
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
        if (priority == Priority.EMERGENCY) {
            alert(orgId, session);
        }
        events.changed(orgId, session, "waiting", priority.value());
        offer(orgId);
        return session;
    }

    /** A session whose client's words signal a crisis jumps the queue, and the counselors on duty are told. */
    @Transactional
    void raiseToEmergency(UUID orgId, ChatSessionStore.ChatSession session) {
        int raised = sessions.raise(orgId, session.id(), Priority.EMERGENCY);
        if (raised == 1) {
            audit.record(AuditRecord.of(
                    orgId,
                    "chat_session.raised",
                    "chat_session",
                    session.id(),
                    Map.of("priority", new AuditChange(session.priority(), Priority.EMERGENCY.value()))));
            alert(orgId, session);
            events.changed(orgId, session, session.status(), Priority.EMERGENCY.value());
        }
    }

    /**
     * Offers the head of the queue (most urgent, then longest waiting) to the available counselor with the most
     * free places: they are told in the app (and by push) and take it. Called when a session opens, when a
     * counselor frees a place and when one becomes available.
     */
    void offer(UUID orgId) {
        sessions.queue(orgId, 1).stream()
                .findFirst()
                .ifPresent(head -> sessions.freeCounselor(orgId)
                        .ifPresent(counselor -> alerts.sessionOffered(orgId, counselor, head.id(), head.topic())));
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
            conversationEvents.added(orgId, taken.get().conversationId(), counselorId);
            audit.record(AuditRecord.of(
                    orgId,
                    "chat_session.taken",
                    "chat_session",
                    sessionId,
                    Map.of("status", new AuditChange("waiting", "active"))));
            events.changed(orgId, taken.get(), "active", taken.get().priority());
            return new Given(taken.get());
        }
        return sessions.find(orgId, sessionId)
                .<Taken>map(s -> s.status().equals("waiting") ? new NotAvailable() : new NotWaiting(s.status()))
                .orElse(new Unknown());
    }

    @Transactional
    Optional<ChatSessionStore.ChatSession> close(UUID orgId, UUID sessionId, UUID by) {
        Optional<ChatSessionStore.ChatSession> closed = sessions.close(orgId, sessionId, by);
        closed.ifPresent(s -> {
            audit.record(AuditRecord.of(
                    orgId,
                    "chat_session.closed",
                    "chat_session",
                    sessionId,
                    Map.of("status", new AuditChange(null, "closed"))));
            events.changed(orgId, s, "closed", s.priority());
            offer(orgId); // a place came free
        });
        return closed;
    }
}
