package io.wellbase.messaging.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * A SUBSCRIBE with a {@code receipt} header is answered with a RECEIPT once the in-process broker has
 * registered the subscription, so a client knows from when on it receives the destination's frames (Spring's
 * simple broker sends none itself; with the relay, RabbitMQ answers receipts). A subscription to one's own
 * {@code /user/queue/…} reaches the broker translated, on the broker channel: it is answered there.
 */
@Component
class SubscriptionReceipts implements ExecutorChannelInterceptor {

    private static final String RECEIPT = "receipt";

    /** Lazily: the outbound channel belongs to the broker configuration this interceptor is part of. */
    private final ObjectProvider<MessageChannel> clientOutbound;

    SubscriptionReceipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void afterMessageHandled(
            Message<?> message, MessageChannel channel, MessageHandler handler, @Nullable Exception ex) {
        if (ex != null || !(handler instanceof SimpleBrokerMessageHandler)) {
            return;
        }
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        String receiptId = headers.getFirstNativeHeader(RECEIPT);
        String destination = headers.getDestination();
        if (headers.getMessageType() != SimpMessageType.SUBSCRIBE
                || receiptId == null
                || destination == null
                || destination.startsWith("/user/")) {
            return; // a /user/ subscription is answered once its translation reached the broker
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(receiptId);
        receipt.setSessionId(headers.getSessionId());
        clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }
}
