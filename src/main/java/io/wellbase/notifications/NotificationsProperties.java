package io.wellbase.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications module ({@code wellbase.notifications.*}).
 *
 * @param dispatchInterval how often the dispatcher looks for due messages and reminders
 * @param batchSize        messages or reminders handled per look, at most
 * @param maxAttempts      attempts per message before it is marked failed (a dead letter)
 * @param firstRetry       the wait after the first failed attempt; each further wait doubles, with jitter
 * @param maxRetry         the longest wait between two attempts
 */
@ConfigurationProperties("wellbase.notifications")
public record NotificationsProperties(
        @DefaultValue("5s") Duration dispatchInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("6h") Duration maxRetry) {}
