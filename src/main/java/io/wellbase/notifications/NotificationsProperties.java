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
 */
@ConfigurationProperties("wellbase.notifications")
public record NotificationsProperties(
        @DefaultValue("2s") Duration dispatchInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("6h") Duration maxRetry,
        @DefaultValue Webhooks webhooks) {

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
}
