package io.wellbase.messaging.internal;

import io.wellbase.messaging.UnreadMessages;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The unread count of the messages endpoint, for other modules. */
@Component
class UnreadMessageCounts implements UnreadMessages {

    private final ConversationStore store;

    UnreadMessageCounts(ConversationStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public long count(UUID organizationId, UUID userId) {
        return store.unread(organizationId, userId);
    }
}
