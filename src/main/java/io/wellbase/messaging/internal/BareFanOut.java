package io.wellbase.messaging.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The messaging benchmark's floor, on the same server: a bare WebSocket at {@code /bench/ws-fanout} that sends
 * every text it receives to every connected socket, with no STOMP, no security and no database. Only with
 * {@code wellbase.messaging.bench-endpoint=true} (bench/run-messaging.sh sets it); off by default.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@ConditionalOnProperty(name = "wellbase.messaging.bench-endpoint", havingValue = "true")
class BareFanOut implements WebSocketConfigurer {

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new Handler(), "/bench/ws-fanout").setAllowedOriginPatterns("*");
    }

    static final class Handler extends TextWebSocketHandler {

        private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            sessions.add(new ConcurrentWebSocketSessionDecorator(session, 10_000, 1 << 20));
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            sessions.removeIf(s -> s.getId().equals(session.getId()));
        }

        @Override
        protected void handleTextMessage(WebSocketSession from, TextMessage message) throws IOException {
            for (WebSocketSession to : sessions) {
                if (to.isOpen()) {
                    to.sendMessage(message);
                }
            }
        }
    }
}
