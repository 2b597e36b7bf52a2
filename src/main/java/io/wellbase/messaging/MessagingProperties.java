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
 * @param crisisLine    where a client in crisis finds immediate help, told to them when their message signals one
 * @param crisisWords   per language, words and phrases that signal a crisis in a client's chat-session message
 *                      (matched case- and accent-insensitively); the session is raised to emergency
 */
@ConfigurationProperties("wellbase.messaging")
public record MessagingProperties(
        @DefaultValue("8000") int maxBodyLength,
        @DefaultValue Relay relay,
        @DefaultValue("false") boolean benchEndpoint,
        @DefaultValue("10s") java.time.Duration presenceGrace,
        @DefaultValue("112 (EU) / 911 (US, CA)") String crisisLine,
        @DefaultValue java.util.Map<String, java.util.List<String>> crisisWords) {

    /** The built-in list, used for every language the configuration does not name. */
    public static final java.util.Map<String, java.util.List<String>> DEFAULT_CRISIS_WORDS = java.util.Map.of(
            "en", java.util.List.of("suicide", "kill myself", "end my life", "want to die", "self-harm", "hurt myself"),
            "de", java.util.List.of("suizid", "umbringen", "nicht mehr leben", "selbstverletzung", "mir etwas antun"),
            "es", java.util.List.of("suicidio", "matarme", "quitarme la vida", "autolesion", "quiero morir"),
            "fr", java.util.List.of("suicide", "me tuer", "en finir", "automutilation", "envie de mourir"));

    /** The configured words per language, else the built-in ones. */
    public java.util.Map<String, java.util.List<String>> crisisWordsOrDefaults() {
        java.util.Map<String, java.util.List<String>> all = new java.util.HashMap<>(DEFAULT_CRISIS_WORDS);
        all.putAll(crisisWords);
        return all;
    }

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
