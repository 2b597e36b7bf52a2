package io.wellbase.messaging.internal;

import io.wellbase.notifications.ConversationAlerts;
import io.wellbase.platform.data.AfterCommit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * After a message commits, the participants without a socket open (on any node) are told through the
 * notifications module: in the app and by email, once per unread streak.
 */
@Component
class AwayAlerts {

    private final ConversationStore conversations;
    private final Presence presence;
    private final ConversationAlerts alerts;

    AwayAlerts(ConversationStore conversations, Presence presence, ConversationAlerts alerts) {
        this.conversations = conversations;
        this.presence = presence;
        this.alerts = alerts;
    }

    void posted(UUID orgId, UUID conversationId, UUID senderId, @Nullable String body) {
        AfterCommit.run(() -> {
            List<ConversationStore.Participant> others = conversations.participants(orgId, conversationId).stream()
                    .filter(p -> !p.userId().equals(senderId))
                    .toList();
            java.util.Set<UUID> online = presence.online(
                    orgId,
                    others.stream().map(ConversationStore.Participant::userId).toList());
            List<ConversationAlerts.Recipient> away = others.stream()
                    .filter(p -> !online.contains(p.userId()))
                    .map(p -> new ConversationAlerts.Recipient(p.userId(), p.readSeq()))
                    .toList();
            if (!away.isEmpty()) {
                alerts.newMessage(orgId, conversationId, away, body == null ? "(an attachment)" : body);
            }
        });
    }
}
