package io.wellbase.notifications;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications module ({@code wellbase.notifications.*}).
 *
 * @param dispatchInterval how often the dispatcher looks for due messages, reminders and webhooks
 * @param batchSize        messages or reminders handled per look, at most
 * @param maxAttempts      attempts per message before it is marked failed (a dead letter)
 * @param firstRetry       the wait after the first failed attempt; each further wait doubles, with jitter
 * @param maxRetry         the longest wait between two attempts
 * @param webhooks         outgoing webhooks
 * @param twilio           SMS through Twilio; without an account SID, SMS are only written to the log
 * @param push             Web Push; without a VAPID subject, push messages are only written to the log
 * @param secretBodyRetention how long a handled account email keeps its body (it carries a token that expires
 *                         within a week); blanked after
 * @param deliveryRetention how long handled deliveries (sent, logged, failed) are kept
 */
@ConfigurationProperties("wellbase.notifications")
public record NotificationsProperties(
        @DefaultValue("2s") Duration dispatchInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("6h") Duration maxRetry,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Twilio twilio,
        @DefaultValue Push push,
        @DefaultValue("8d") Duration secretBodyRetention,
        @DefaultValue("90d") Duration deliveryRetention) {

    /**
     * Outgoing webhooks.
     *
     * @param requireHttps  refuse endpoints that are not {@code https://} (switch off only for local tests)
     * @param allowedHosts  hosts allowed even when they resolve to loopback, private, link-local or metadata
     *                      addresses (tests, on-premises installs); empty by default
     * @param timeout       how long one delivery may take
     */
    public record Webhooks(
            @DefaultValue("true") boolean requireHttps,
            @DefaultValue List<String> allowedHosts,
            @DefaultValue("15s") Duration timeout) {}

    /**
     * Web Push (RFC 8030, 8291, 8292).
     *
     * @param vapidSubject who runs this server, for push services to contact ({@code mailto:…} or an https
     *                     URL); blank: push messages go to the log only
     */
    public record Push(@DefaultValue("") String vapidSubject) {

        public boolean configured() {
            return !vapidSubject.isBlank();
        }
    }

    /**
     * Twilio's Messages API.
     *
     * @param accountSid the account (AC…); blank: SMS go to the log only
     * @param authToken  the account's auth token: the API's password, and the key of the status callbacks' signature
     * @param from       the sender number (E.164) or messaging service (MG…)
     * @param baseUrl    the API's address (a local stand-in in tests)
     */
    public record Twilio(
            @DefaultValue("") String accountSid,
            @DefaultValue("") String authToken,
            @DefaultValue("") String from,
            @DefaultValue("https://api.twilio.com") String baseUrl) {

        public boolean configured() {
            return !accountSid.isBlank();
        }
    }
}
