package io.wellbase.messaging.internal.support;

import io.wellbase.platform.data.AfterCommit;
import java.util.Map;
import java.util.UUID;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Changes of the support queue, after the commit: {@code chat_session.changed} ({@code sessionId}, {@code status},
 * {@code priority}) to the organization's staff on {@code /topic/chat-queue.<organization>} and to the session's
 * own conversation topic, which its client follows.
 */
@Component
class QueueEvents {

    static final String TOPIC = "/topic/chat-queue.";

    private final SimpMessagingTemplate broker;

    QueueEvents(SimpMessagingTemplate broker) {
        this.broker = broker;
    }

    void changed(UUID orgId, ChatSessionStore.ChatSession session, String status, String priority) {
        Map<String, Object> frame = Map.of(
                "event",
                "chat_session.changed",
                "sessionId",
                session.id(),
                "conversationId",
                session.conversationId(),
                "status",
                status,
                "priority",
                priority);
        AfterCommit.run(() -> {
            broker.convertAndSend(TOPIC + orgId, (Object) frame);
            broker.convertAndSend("/topic/conversations." + session.conversationId(), (Object) frame);
        });
    }
}
