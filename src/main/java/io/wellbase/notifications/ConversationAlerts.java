package io.wellbase.notifications;

import java.util.Collection;
import java.util.UUID;

/**
 * Tells participants who are not connected that a conversation has news: an in-app notification and an
 * email, in category {@code messages} (each person may switch either off), once per unread streak: the
 * next one comes after they have read up.
 */
public interface ConversationAlerts {

    /** Someone wrote in the conversation; {@code readSeq} is each recipient's read mark. */
    void newMessage(UUID organizationId, UUID conversationId, Collection<Recipient> recipients, String preview);

    /** A participant to tell, with how far they have read. */
    record Recipient(UUID userId, long readSeq) {}
}
