package io.wellbase.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.platform.security.BearerTokens;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Rights from current state for what is already subscribed: before a frame leaves for a socket, the socket's
 * access token must still be valid with the caller's current rights (a sign-out, a reset password, a removed
 * member), and for a conversation's topic the user must still be a participant, for the staff topics (presence,
 * the support queue) still staff. Both are checked again at most every {@link #RECHECK} per socket and conversation, so access ends
 * within seconds on every node; a frame that fails is dropped, and a socket whose token failed is sent an ERROR
 * ({@code auth.unauthenticated}), which closes it (an expired token included: the client reconnects with a fresh
 * one and resumes). Sits on the outbound channel, which the in-process
 * broker and the relay both send through.
 */
@Component
class LiveAccess implements ChannelInterceptor {

    static final Duration RECHECK = Duration.ofSeconds(3);

    /** A socket as it connected: who, and the token it presented. */
    private record Socket(StompAuthorization.SocketUser user, String token) {}

    private record ParticipantKey(UUID organizationId, UUID userId, UUID conversationId) {}

    private final BearerTokens tokens;
    private final ConversationStore conversations;
    /** Lazily: the outbound channel belongs to the broker configuration this interceptor is part of. */
    private final ObjectProvider<MessageChannel> clientOutbound;
    /** Sockets told to go (an ERROR closes them): told once. */
    private final Set<String> closing = ConcurrentHashMap.newKeySet();

    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final Cache<String, Optional<Caller>> callers =
            Caffeine.newBuilder().expireAfterWrite(RECHECK).build();
    private final Cache<ParticipantKey, Boolean> participants =
            Caffeine.newBuilder().expireAfterWrite(RECHECK).maximumSize(100_000).build();

    LiveAccess(
            BearerTokens tokens,
            ConversationStore conversations,
            @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
        this.tokens = tokens;
        this.conversations = conversations;
        this.clientOutbound = clientOutbound;
    }

    /** At CONNECT, once the token was accepted. */
    void connected(String sessionId, StompAuthorization.SocketUser user, String token) {
        sockets.put(sessionId, new Socket(user, token));
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        sockets.remove(event.getSessionId());
        callers.invalidate(event.getSessionId());
        closing.remove(event.getSessionId());
    }

    /** This node added a participant: what an earlier removal left here is forgotten. */
    void added(UUID organizationId, UUID userId, UUID conversationId) {
        participants.invalidate(new ParticipantKey(organizationId, userId, conversationId));
    }

    /** This node removed a participant: no frame of the conversation reaches them from now on. */
    void removed(UUID organizationId, UUID userId, UUID conversationId) {
        participants.put(new ParticipantKey(organizationId, userId, conversationId), false);
    }

    @Override
    public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
        // read the headers in place: wrapping them in an accessor would copy them, for every frame of every socket
        org.springframework.messaging.MessageHeaders headers = message.getHeaders();
        String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
        if (SimpMessageHeaderAccessor.getMessageType(headers) != SimpMessageType.MESSAGE || sessionId == null) {
            return message;
        }
        return mayReceive(sessionId, SimpMessageHeaderAccessor.getDestination(headers)) ? message : null;
    }

    /**
     * A socket whose token no longer holds (expired, signed out, a reset password, a removed member) is sent an
     * ERROR, which closes it: the client gets a fresh token, reconnects and resumes from its last numbers.
     */
    private void close(String sessionId) {
        if (!closing.add(sessionId)) {
            return;
        }
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage("auth.unauthenticated: the session's access token is no longer valid; reconnect with a"
                + " fresh one and resume");
        error.setSessionId(sessionId);
        clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
    }

    private boolean mayReceive(String sessionId, @Nullable String destination) {
        Socket socket = sockets.get(sessionId);
        if (socket == null) {
            return true; // not connected through this node's STOMP endpoint (nothing to check it against)
        }
        Optional<Caller> caller = callers.get(
                sessionId,
                s -> tokens.verify(socket.token())
                        .filter(c -> socket.user().organizationId().equals(c.organizationId())));
        if (caller == null || caller.isEmpty()) {
            close(sessionId);
            return false;
        }
        String to = destination == null ? "" : destination;
        Matcher conversation = StompAuthorization.CONVERSATION_TOPIC.matcher(to);
        if (conversation.matches()) {
            ParticipantKey key = new ParticipantKey(
                    socket.user().organizationId(), socket.user().userId(), UUID.fromString(conversation.group(1)));
            return Boolean.TRUE.equals(participants.get(
                    key,
                    k -> conversations
                            .participant(k.organizationId(), k.conversationId(), k.userId())
                            .isPresent()));
        }
        if (StompAuthorization.STAFF_TOPIC.matcher(to).matches()) {
            return caller.get().can(Permission.CONVERSATION_START);
        }
        return true;
    }
}
