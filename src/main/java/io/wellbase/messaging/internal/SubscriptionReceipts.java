package io.wellbase.messaging.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * A SUBSCRIBE with a {@code receipt} header is answered with a RECEIPT once the in-process broker has
 * registered the subscription, so a client knows from when on it receives the destination's frames (Spring's
 * simple broker sends none itself; with the relay, RabbitMQ answers receipts).
 */
@Component
class SubscriptionReceipts implements ExecutorChannelInterceptor {

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
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() != StompCommand.SUBSCRIBE || stomp.getReceipt() == null) {
            return;
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(stomp.getReceipt());
        receipt.setSessionId(stomp.getSessionId());
        clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }
}
