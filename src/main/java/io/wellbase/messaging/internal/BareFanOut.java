package io.wellbase.messaging.internal;

import java.io.IOException;
import java.util.Map;
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
 * The messaging benchmark's floor, on the same server: a bare WebSocket at {@code /bench/ws-fanout?room=<r>}
 * that sends every text {@code "<r> ..."} it receives to every socket of room {@code r} (a socket without a
 * room is in room {@code ""}, which a text without a room prefix reaches), with no STOMP, no security and no
 * database. Only with {@code wellbase.messaging.bench-endpoint=true} (bench/run-messaging.sh sets it); off by
 * default.
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

        private final Map<String, Set<WebSocketSession>> rooms = new ConcurrentHashMap<>();

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            rooms.computeIfAbsent(room(session), r -> ConcurrentHashMap.newKeySet())
                    .add(new ConcurrentWebSocketSessionDecorator(session, 10_000, 1 << 20));
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            Set<WebSocketSession> room = rooms.get(room(session));
            if (room != null) {
                room.removeIf(s -> s.getId().equals(session.getId()));
            }
        }

        @Override
        protected void handleTextMessage(WebSocketSession from, TextMessage message) throws IOException {
            String text = message.getPayload();
            int space = text.indexOf(' ');
            String room = text.startsWith("r") && space > 0 ? text.substring(1, space) : "";
            for (WebSocketSession to : rooms.getOrDefault(room, Set.of())) {
                if (to.isOpen()) {
                    to.sendMessage(message);
                }
            }
        }

        private static String room(WebSocketSession session) {
            String query = session.getUri() == null ? null : session.getUri().getQuery();
            return query != null && query.startsWith("room=") ? query.substring("room=".length()) : "";
        }
    }
}
