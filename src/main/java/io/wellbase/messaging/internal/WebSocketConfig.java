package io.wellbase.messaging.internal;

import io.wellbase.messaging.MessagingProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over WebSocket at {@code /ws}: the in-process broker (or, for several nodes, the relay to RabbitMQ,
 * {@code wellbase.messaging.relay.*}) for {@code /topic} (conversations) and
 * {@code /queue} (a user's own: {@code /user/queue/notifications}), {@code /app} for what clients send
 * (typing). Frames to one socket keep the order they were published in. Who may connect and subscribe is
 * {@link StompAuthorization}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    private final StompAuthorization authorization;
    private final Resume resume;
    private final SubscriptionReceipts receipts;
    private final LiveAccess liveAccess;
    private final MessagingProperties properties;

    WebSocketConfig(
            StompAuthorization authorization,
            Resume resume,
            SubscriptionReceipts receipts,
            LiveAccess liveAccess,
            MessagingProperties properties) {
        this.authorization = authorization;
        this.resume = resume;
        this.receipts = receipts;
        this.liveAccess = liveAccess;
        this.properties = properties;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // the access token travels in the CONNECT frame, not a cookie: any origin may open the socket
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        MessagingProperties.Relay relay = properties.relay();
        if (relay.configured()) {
            // several nodes: every node relays to the same broker; user destinations are resolved across nodes
            // through the broker's topics for the user registry and for messages no local session took
            registry.enableStompBrokerRelay("/topic", "/queue")
                    .setRelayHost(relay.host())
                    .setRelayPort(relay.port())
                    .setClientLogin(relay.login())
                    .setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login())
                    .setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost())
                    .setUserDestinationBroadcast("/topic/wellbase-unresolved-user")
                    .setUserRegistryBroadcast("/topic/wellbase-user-registry");
        } else {
            ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
            heartbeats.setPoolSize(1);
            heartbeats.setThreadNamePrefix("ws-heartbeat-");
            heartbeats.initialize();
            registry.enableSimpleBroker("/topic", "/queue")
                    .setHeartbeatValue(new long[] {10_000, 10_000})
                    .setTaskScheduler(heartbeats);
        }
        registry.configureBrokerChannel().interceptors(receipts); // the translated /user/ subscriptions
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorization, receipts, resume);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(liveAccess);
    }
}
