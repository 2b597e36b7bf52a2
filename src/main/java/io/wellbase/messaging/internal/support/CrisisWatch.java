package io.wellbase.messaging.internal.support;

import io.wellbase.messaging.MessagingProperties;
import io.wellbase.notifications.StaffAlerts;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a client's messages in an open chat session for words that signal a crisis (per language,
 * {@code wellbase.messaging.crisis-words}, matched without regard to case or accents, in every language at
 * once: people write in the language they write in). A match raises the session to emergency (the
 * counselors on duty are alerted, as for an emergency opened as one) and tells the client, once per session,
 * where to find immediate help.
 */
@Component
public class CrisisWatch {

    private final JdbcClient jdbc;
    private final ChatSessionStore store;
    private final SupportQueue queue;
    private final StaffAlerts alerts;
    private final MessagingProperties properties;
    private final List<String> words;

    CrisisWatch(
            JdbcClient jdbc,
            ChatSessionStore store,
            SupportQueue queue,
            StaffAlerts alerts,
            MessagingProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.queue = queue;
        this.alerts = alerts;
        this.properties = properties;
        this.words = properties.crisisWordsOrDefaults().values().stream()
                .flatMap(List::stream)
                .map(CrisisWatch::normalized)
                .filter(w -> !w.isBlank())
                .distinct()
                .toList();
    }

    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    boolean signalsCrisis(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String seen = normalized(text);
        return words.stream().anyMatch(seen::contains);
    }

    /** In the transaction that writes the message. */
    public void inspect(UUID orgId, UUID conversationId, UUID senderId, @Nullable String body) {
        if (!signalsCrisis(body)) {
            return;
        }
        List<ChatSessionStore.ChatSession> open = jdbc.sql("""
                SELECT id, conversation_id, client_id, topic, priority, status, counselor_id, created_at, accepted_at,
                       first_response_at, closed_at, rating, feedback
                FROM chat_sessions
                WHERE org_id = :org AND conversation_id = :c AND client_user_id = :sender AND status <> 'closed'
                """)
                .param("org", orgId)
                .param("c", conversationId)
                .param("sender", senderId)
                .query(ChatSessionStore.ChatSession.class)
                .list();
        for (ChatSessionStore.ChatSession session : open) {
            queue.raiseToEmergency(orgId, session);
            alerts.crisisHelp(
                    orgId, senderId, session.id(), store.crisisLine(orgId).orElse(properties.crisisLine()));
        }
    }
}
