package io.wellbase.messaging.internal.support;

import io.wellbase.messaging.EmergencySupport;
import io.wellbase.messaging.MessagingProperties;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link EmergencySupport} through the support queue: an emergency session, opened as a client's own is. */
@Component
class EmergencySessions implements EmergencySupport {

    private final SupportQueue queue;
    private final ChatSessionStore sessions;
    private final MessagingProperties properties;

    EmergencySessions(SupportQueue queue, ChatSessionStore sessions, MessagingProperties properties) {
        this.queue = queue;
        this.sessions = sessions;
        this.properties = properties;
    }

    @Override
    @Transactional
    public Opened open(UUID organizationId, UUID clientId, UUID clientUserId, String topic) {
        ChatSessionStore.ChatSession session =
                queue.open(organizationId, clientId, clientUserId, topic, Priority.EMERGENCY);
        return new Opened(session.id(), session.conversationId(), crisisLine(organizationId));
    }

    @Override
    public String crisisLine(UUID organizationId) {
        return sessions.crisisLine(organizationId).orElse(properties.crisisLine());
    }
}
