package io.wellbase.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging module ({@code wellbase.messaging.*}).
 *
 * @param maxBodyLength the longest message text, in characters
 * @param relay         the STOMP broker relay for several nodes; without a host, the in-process broker (one node)
 * @param benchEndpoint the benchmark's bare WebSocket fan-out at {@code /bench/ws-fanout}; off but for benchmarks
 * @param presenceGrace how long after a user's last socket closed they count as offline (a reload is not a leave)
 */
@ConfigurationProperties("wellbase.messaging")
public record MessagingProperties(
        @DefaultValue("8000") int maxBodyLength,
        @DefaultValue Relay relay,
        @DefaultValue("false") boolean benchEndpoint,
        @DefaultValue("10s") java.time.Duration presenceGrace) {

    /**
     * A STOMP broker (RabbitMQ with its STOMP plugin) that every node relays to, so that a frame published on
     * one node reaches sockets on every node and user destinations resolve across nodes.
     *
     * @param host     the broker's host; blank: the in-process broker
     * @param port     its STOMP port
     * @param login    the login of the nodes' connections (the system and the clients' relayed sessions)
     * @param passcode its passcode
     * @param virtualHost the broker's virtual host
     */
    public record Relay(
            @DefaultValue("") String host,
            @DefaultValue("61613") int port,
            @DefaultValue("guest") String login,
            @DefaultValue("guest") String passcode,
            @DefaultValue("/") String virtualHost) {

        public boolean configured() {
            return !host.isBlank();
        }
    }
}
