package io.wellbase.messaging.internal;

import io.wellbase.platform.data.AfterCommit;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Changes of who is in a conversation, after the commit: each person added or removed hears it on their own
 * {@code /user/queue/conversations} ({@code conversation.added} / {@code conversation.removed}, so a list can
 * follow), and the conversation's topic carries {@code participant.added} / {@code participant.removed}. A
 * removed participant receives nothing more of the conversation ({@link LiveAccess}).
 */
@Component
public class ConversationEvents {

    static final String OWN_QUEUE = "/queue/conversations";

    private final SimpMessagingTemplate broker;
    private final LiveAccess access;

    ConversationEvents(SimpMessagingTemplate broker, LiveAccess access) {
        this.broker = broker;
        this.access = access;
    }

    void started(UUID orgId, UUID conversationId, Collection<UUID> participants) {
        AfterCommit.run(() -> participants.forEach(user -> toUser(orgId, user, "conversation.added", conversationId)));
    }

    public void added(UUID orgId, UUID conversationId, UUID userId) {
        AfterCommit.run(() -> {
            access.added(orgId, userId, conversationId);
            toUser(orgId, userId, "conversation.added", conversationId);
            toTopic(conversationId, "participant.added", userId);
        });
    }

    void removed(UUID orgId, UUID conversationId, UUID userId) {
        AfterCommit.run(() -> {
            access.removed(orgId, userId, conversationId);
            toUser(orgId, userId, "conversation.removed", conversationId);
            toTopic(conversationId, "participant.removed", userId);
        });
    }

    private void toUser(UUID orgId, UUID userId, String event, UUID conversationId) {
        broker.convertAndSendToUser(StompAuthorization.SocketUser.name(userId, orgId), OWN_QUEUE, (Object)
                Map.of("event", event, "conversationId", conversationId));
    }

    private void toTopic(UUID conversationId, String event, UUID userId) {
        broker.convertAndSend(LiveMessages.TOPIC + conversationId, (Object)
                Map.of("event", event, "conversationId", conversationId, "userId", userId));
    }
}
