package io.wellbase.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging module ({@code wellbase.messaging.*}).
 *
 * @param maxBodyLength the longest message text, in characters
 */
@ConfigurationProperties("wellbase.messaging")
public record MessagingProperties(@DefaultValue("8000") int maxBodyLength) {}
