package io.wellbase.messaging.internal;

import io.wellbase.platform.security.BearerTokens;
import io.wellbase.platform.security.Caller;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Checks every frame a client sends. CONNECT needs a valid access token scoped to an organization
 * ({@code Authorization: Bearer …}); the token is verified again, with the caller's current rights, on every
 * SUBSCRIBE and SEND, so a signed-out session or a removed member is refused within seconds. A client may
 * subscribe to its own queues ({@code /user/queue/…}), to the conversations it is in
 * ({@code /topic/conversations.<id>}) and, as staff, to its organization's presence and support queue
 * ({@code /topic/presence.<organization>}, {@code /topic/chat-queue.<organization>}); it may send typing signals to its conversations. Anything else is
 * an ERROR frame, and nothing is delivered.
 */
@Component
class StompAuthorization implements ChannelInterceptor {

    static final String TOKEN = "wellbase.token";
    /** A conversation's topic; group 1 is its id. */
    static final Pattern CONVERSATION_TOPIC = Pattern.compile("^/topic/conversations\\.([0-9a-f-]{36})$");

    /** The organization's staff topics (presence, the support queue); group 1 is the organization's id. */
    static final Pattern STAFF_TOPIC = Pattern.compile("^/topic/(?:presence|chat-queue)\\.([0-9a-f-]{36})$");

    private static final Pattern TYPING = Pattern.compile("^/app/conversations\\.([0-9a-f-]{36})\\.typing$");

    private final BearerTokens tokens;
    private final ConversationAccess access;
    private final TypingThrottle typing;
    private final LiveAccess liveAccess;
    /** Lazily: the live side needs the broker, which is configured with this interceptor. */
    private final ObjectProvider<LiveMessages> live;

    StompAuthorization(
            BearerTokens tokens,
            ConversationAccess access,
            TypingThrottle typing,
            LiveAccess liveAccess,
            ObjectProvider<LiveMessages> live) {
        this.tokens = tokens;
        this.access = access;
        this.typing = typing;
        this.liveAccess = liveAccess;
        this.live = live;
    }

    /** The socket's user for Spring's user destinations: one per user and organization. */
    record SocketUser(UUID userId, UUID organizationId) implements Principal {

        @Override
        public String getName() {
            return name(userId, organizationId);
        }

        static String name(UUID userId, UUID organizationId) {
            return userId + ":" + organizationId;
        }
    }

    @Override
    public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        switch (stomp.getCommand()) {
            case CONNECT, STOMP -> connect(stomp);
            case SUBSCRIBE -> subscribe(stomp);
            case SEND -> {
                if (send(stomp)) {
                    return null; // handled here: nothing goes on to the broker
                }
            }
            default -> {}
        }
        return message;
    }

    private void connect(StompHeaderAccessor stomp) {
        String header = stomp.getFirstNativeHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        Caller caller = token == null ? null : tokens.verify(token).orElse(null);
        if (caller == null || caller.organizationId() == null) {
            throw new MessageDeliveryException(
                    "auth.unauthenticated: a valid access token scoped to an organization is required");
        }
        Map<String, Object> session = stomp.getSessionAttributes();
        if (session != null) {
            session.put(TOKEN, token);
        }
        SocketUser user = new SocketUser(caller.userId(), caller.organizationId());
        stomp.setUser(user);
        if (stomp.getSessionId() != null) {
            liveAccess.connected(stomp.getSessionId(), user, token);
        }
    }

    /** The socket's caller with the rights they hold now. */
    private Caller current(StompHeaderAccessor stomp) {
        Map<String, Object> session = stomp.getSessionAttributes();
        Object token = session == null ? null : session.get(TOKEN);
        Optional<Caller> caller = token instanceof String t ? tokens.verify(t) : Optional.empty();
        return caller.filter(c -> c.organizationId() != null)
                .orElseThrow(() -> new MessageDeliveryException(
                        "auth.unauthenticated: the session's access token is no longer valid"));
    }

    private void subscribe(StompHeaderAccessor stomp) {
        Caller caller = current(stomp);
        String destination = stomp.getDestination() == null ? "" : stomp.getDestination();
        if (destination.startsWith("/user/queue/")) {
            return;
        }
        Matcher m = CONVERSATION_TOPIC.matcher(destination);
        if (m.matches() && participates(caller, m.group(1))) {
            return;
        }
        Matcher staffTopic = STAFF_TOPIC.matcher(destination);
        if (staffTopic.matches()
                && staffTopic.group(1).equals(String.valueOf(caller.organizationId()))
                && caller.can(io.wellbase.platform.security.Permission.CONVERSATION_START)) {
            return; // the organization's staff see who is online and how the support queue moves
        }
        throw new MessageDeliveryException("auth.forbidden: you may not subscribe to " + destination);
    }

    private boolean send(StompHeaderAccessor stomp) {
        Caller caller = current(stomp);
        String destination = stomp.getDestination() == null ? "" : stomp.getDestination();
        Matcher m = TYPING.matcher(destination);
        if (!m.matches() || !participates(caller, m.group(1))) {
            throw new MessageDeliveryException("auth.forbidden: you may not send to " + destination);
        }
        UUID conversationId = UUID.fromString(m.group(1));
        if (typing.allow(stomp.getSessionId(), conversationId)) {
            live.getObject().typing(conversationId, caller.userId());
        }
        return true;
    }

    private boolean participates(Caller caller, String conversationId) {
        UUID id;
        try {
            id = UUID.fromString(conversationId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return access.asParticipant(caller.organizationId(), caller.userId(), id)
                .isPresent();
    }
}
