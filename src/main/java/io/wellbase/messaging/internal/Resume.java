package io.wellbase.messaging.internal;

import java.util.UUID;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Resuming after a reconnect: a SUBSCRIBE to {@code /topic/conversations.<id>} with a {@code last-seq} header is
 * answered, once the broker has registered the subscription, with every published message after that number
 * on the socket's own {@code /user/queue/conversations.<id>} (subscribe to it first), then
 * {@code {"event": "replay.done", "seq"}}; new messages follow on the topic. The replay runs under the
 * conversation's lock, so no live frame of this node overtakes it, and the broker keeps each socket's frames
 * in publish order.
 */
@Component
class Resume implements ExecutorChannelInterceptor {

    static final String HEADER = "last-seq";

    /** Lazily: the live side needs the broker, which is configured with this interceptor. */
    private final ObjectProvider<LiveMessages> live;

    Resume(ObjectProvider<LiveMessages> live) {
        this.live = live;
    }

    @Override
    public void afterMessageHandled(
            Message<?> message, MessageChannel channel, MessageHandler handler, @Nullable Exception ex) {
        if (ex != null || !(handler instanceof AbstractBrokerMessageHandler)) {
            return;
        }
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null
                || stomp.getCommand() != StompCommand.SUBSCRIBE
                || !(stomp.getUser() instanceof StompAuthorization.SocketUser user)) {
            return;
        }
        String after = stomp.getFirstNativeHeader(HEADER);
        Matcher m = StompAuthorization.CONVERSATION_TOPIC.matcher(
                stomp.getDestination() == null ? "" : stomp.getDestination());
        if (after == null || !m.matches()) {
            return;
        }
        long lastSeq;
        try {
            lastSeq = Math.max(0, Long.parseLong(after.trim()));
        } catch (NumberFormatException e) {
            return;
        }
        live.getObject().replay(user, stomp.getSessionId(), UUID.fromString(m.group(1)), lastSeq);
    }
}
