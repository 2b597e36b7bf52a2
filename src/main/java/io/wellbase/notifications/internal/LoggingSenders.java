package io.wellbase.notifications.internal;

import io.wellbase.notifications.NotificationsProperties;
import io.wellbase.platform.web.PublicUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS and push channels: Twilio for SMS when configured; with no provider, the message stays in the
 * outbox, marked logged, and is written to the log.
 */
@Configuration(proxyBeanMethods = false)
class LoggingSenders {

    private static final Logger log = LoggerFactory.getLogger(LoggingSenders.class);

    /** Twilio when an account is configured, else the log. */
    @Bean
    ChannelSender smsSender(NotificationsProperties properties, PublicUrl publicUrl) {
        return properties.twilio().configured()
                ? new TwilioSender(properties.twilio(), publicUrl)
                : logging(Channel.SMS);
    }

    /** Web Push when a VAPID subject is configured, else the log. */
    @Bean
    ChannelSender pushSender(
            NotificationsProperties properties,
            PushSubscriptions subscriptions,
            tools.jackson.databind.ObjectMapper json,
            java.time.Clock clock) {
        return properties.push().configured()
                ? new WebPushSender(subscriptions, json, properties.push().vapidSubject(), clock)
                : logging(Channel.PUSH);
    }

    private static ChannelSender logging(Channel channel) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public @Nullable String send(Deliveries.Due message) {
                log.info(
                        "{} to {} (no provider configured): {}",
                        channel.value(),
                        message.recipient(),
                        message.subject());
                return null;
            }

            @Override
            public boolean delivers() {
                return false;
            }
        };
    }
}
