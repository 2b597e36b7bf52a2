package io.wellbase.notifications.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default SMS and push channels with no provider configured: the message stays in the outbox,
 * marked sent, and is written to the log.
 */
@Configuration(proxyBeanMethods = false)
class LoggingSenders {

    private static final Logger log = LoggerFactory.getLogger(LoggingSenders.class);

    @Bean
    @ConditionalOnMissingBean(name = "smsSender")
    ChannelSender smsSender() {
        return logging(Channel.SMS);
    }

    @Bean
    @ConditionalOnMissingBean(name = "pushSender")
    ChannelSender pushSender() {
        return logging(Channel.PUSH);
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
        };
    }
}
