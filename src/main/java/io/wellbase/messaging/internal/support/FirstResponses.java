package io.wellbase.messaging.internal.support;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** Records a chat session's first response: the assigned counselor's first message in its conversation. */
@Component
public class FirstResponses {

    private final ChatSessionStore sessions;

    FirstResponses(ChatSessionStore sessions) {
        this.sessions = sessions;
    }

    public void sent(UUID orgId, UUID conversationId, UUID senderId) {
        sessions.firstResponse(orgId, conversationId, senderId);
    }
}
