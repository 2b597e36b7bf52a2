package io.wellbase.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.platform.data.AfterCommit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells a conversation's live subscribers ({@code /topic/conversations.<id>}) what changed, after the commit.
 * New messages go out in sequence order: a message's number is taken under the conversation's row lock, so
 * commits come in number order; what is pushed is read back from the table from the last number pushed on,
 * one conversation at a time, so two commits racing to their after-commit callbacks cannot swap places.
 */
@Component
class LiveMessages {

    static final String TOPIC = "/topic/conversations.";

    private final SimpMessagingTemplate broker;
    private final MessageStore messages;

    LiveMessages(SimpMessagingTemplate broker, MessageStore messages) {
        this.broker = broker;
        this.messages = messages;
    }

    /** After the commit: every message of the conversation up to {@code seq} not pushed yet, in order. */
    void created(UUID orgId, UUID conversationId, long seq) {
        AfterCommit.run(() -> drain(orgId, conversationId, seq));
    }

    /** After the commit: an edit or a deletion, as it is now. */
    void changed(UUID conversationId, MessageStore.Message message, String event) {
        AfterCommit.run(() -> push(TOPIC + conversationId, frame(event, conversationId, message)));
    }

    /** A participant's read mark moved (only when they send receipts). */
    void read(UUID conversationId, UUID userId, long readSeq) {
        AfterCommit.run(() -> {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("event", "read");
            frame.put("conversationId", conversationId);
            frame.put("userId", userId);
            frame.put("readSeq", readSeq);
            push(TOPIC + conversationId, frame);
        });
    }

    /** Someone is typing (already throttled by the socket layer). */
    void typing(UUID conversationId, UUID userId) {
        push(TOPIC + conversationId, Map.of("event", "typing", "conversationId", conversationId, "userId", userId));
    }

    /**
     * Per conversation, the last number pushed from this node, which is also the conversation's lock. Kept an
     * hour after use; a conversation first seen here starts at the message that triggered the push.
     */
    private final Cache<UUID, long[]> pushed =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build();

    private void drain(UUID orgId, UUID conversationId, long upTo) {
        long[] last = pushed.get(conversationId, c -> new long[] {upTo - 1});
        synchronized (last) {
            if (last[0] >= upTo) {
                return;
            }
            for (MessageStore.Message m : messages.range(orgId, conversationId, last[0], upTo + 1, 1000)) {
                push(TOPIC + conversationId, frame("message.created", conversationId, m));
                last[0] = m.seq();
            }
        }
    }

    /** A payload to a destination (as an Object: a Map would be taken for headers). */
    private void push(String destination, Object payload) {
        broker.convertAndSend(destination, payload);
    }

    static Map<String, Object> frame(String event, UUID conversationId, MessageStore.Message message) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("event", event);
        frame.put("conversationId", conversationId);
        frame.put("seq", message.seq());
        frame.put("message", message);
        return frame;
    }
}
