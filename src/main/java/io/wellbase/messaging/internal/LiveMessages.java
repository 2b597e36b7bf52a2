package io.wellbase.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.platform.data.AfterCommit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells a conversation's live subscribers ({@code /topic/conversations.<id>}) what changed, after the commit.
 * New messages go out in sequence order, each once: a message's number is taken under the conversation's row
 * lock, so commits come in number order; after a commit, the range not yet published is claimed in the
 * database and read back from the table in number order, one conversation at a time on this node, so two
 * commits racing to their after-commit callbacks cannot swap places or publish a message twice.
 */
@Component
class LiveMessages {

    static final String TOPIC = "/topic/conversations.";

    private final SimpMessagingTemplate broker;
    private final MessageStore messages;
    private final ConversationStore conversations;

    LiveMessages(SimpMessagingTemplate broker, MessageStore messages, ConversationStore conversations) {
        this.broker = broker;
        this.messages = messages;
        this.conversations = conversations;
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

    /** A lock per conversation on this node, so that its pushes leave in order. */
    private final Cache<UUID, Object> locks =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build();

    /**
     * Publishes the conversation's messages up to {@code upTo} that nobody published yet: the range is claimed
     * in the database (once across nodes), then read back and published in number order under this node's
     * lock of the conversation. A push that failed (a node died after its commit) is caught up by the next.
     */
    private void drain(UUID orgId, UUID conversationId, long upTo) {
        synchronized (locks.get(conversationId, c -> new Object())) {
            Optional<Long> after = conversations.claimPush(orgId, conversationId, upTo);
            if (after.isEmpty()) {
                return;
            }
            inOrder(
                    orgId,
                    conversationId,
                    after.get(),
                    upTo,
                    m -> push(TOPIC + conversationId, frame("message.created", conversationId, m)));
        }
    }

    /** The conversation's messages with {@code after < seq <= upTo}, oldest first, a page of 500 at a time. */
    private void inOrder(
            UUID orgId,
            UUID conversationId,
            long after,
            long upTo,
            java.util.function.Consumer<MessageStore.Message> each) {
        long from = after;
        while (from < upTo) {
            List<MessageStore.Message> page = messages.range(orgId, conversationId, from, upTo + 1, 500);
            if (page.isEmpty()) {
                break;
            }
            for (MessageStore.Message m : page) {
                each.accept(m);
                from = m.seq();
            }
        }
    }

    /**
     * The published messages after {@code lastSeq}, to one socket's {@code /user/queue/conversations.<id>}, then
     * {@code replay.done}; under the conversation's lock, so this node publishes nothing newer meanwhile.
     */
    void replay(
            StompAuthorization.SocketUser user,
            @org.jspecify.annotations.Nullable String sessionId,
            UUID conversationId,
            long lastSeq) {
        if (sessionId == null) {
            return;
        }
        String queue = "/queue/conversations." + conversationId;
        synchronized (locks.get(conversationId, c -> new Object())) {
            long upTo = conversations.pushedSeq(user.organizationId(), conversationId);
            inOrder(
                    user.organizationId(),
                    conversationId,
                    lastSeq,
                    upTo,
                    m -> broker.convertAndSendToUser(
                            user.getName(),
                            queue,
                            (Object) frame("message.created", conversationId, m),
                            toSession(sessionId)));
            broker.convertAndSendToUser(
                    user.getName(),
                    queue,
                    (Object) Map.of("event", "replay.done", "conversationId", conversationId, "seq", upTo),
                    toSession(sessionId));
        }
    }

    /** Headers that address one socket of the user, not all of them. */
    private static org.springframework.messaging.MessageHeaders toSession(String sessionId) {
        org.springframework.messaging.simp.SimpMessageHeaderAccessor headers =
                org.springframework.messaging.simp.SimpMessageHeaderAccessor.create(
                        org.springframework.messaging.simp.SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
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
