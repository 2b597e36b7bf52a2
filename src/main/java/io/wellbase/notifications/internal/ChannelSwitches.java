package io.wellbase.notifications.internal;

import io.wellbase.platform.web.ApiException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Category × channel on/off switches as the API writes them ({@code {"bookings": {"sms": false}}}), for a
 * person's preferences and an organization's defaults alike: parsed into the set of switched-off keys
 * ({@code bookings:sms}), and shown as the whole matrix.
 */
final class ChannelSwitches {

    private ChannelSwitches() {}

    static String key(Category category, Channel channel) {
        return category.value() + ":" + channel.value();
    }

    /** The keys switched off; a 400 naming the field for an unknown category or channel, or a critical one off. */
    static Set<String> off(String field, Map<String, Map<String, Boolean>> switches) {
        Set<String> disabled = new HashSet<>();
        switches.forEach((categoryName, channels) -> {
            Category category = Category.parse(categoryName)
                    .orElseThrow(() ->
                            ApiException.invalidField(field + "." + categoryName, "is not a notification category"));
            if (channels == null) {
                throw ApiException.invalidField(field + "." + categoryName, "must map channels to true or false");
            }
            channels.forEach((channelName, on) -> {
                Channel channel = Channel.parse(channelName)
                        .orElseThrow(() -> ApiException.invalidField(
                                field + "." + categoryName + "." + channelName, "is not a channel"));
                if (on == null) {
                    throw ApiException.invalidField(
                            field + "." + categoryName + "." + channelName, "must be true or false");
                }
                if (!on && category.critical()) {
                    throw ApiException.invalidField(
                            field + "." + categoryName, "is critical and cannot be switched off");
                }
                if (!on) {
                    disabled.add(key(category, channel));
                }
            });
        });
        return Set.copyOf(disabled);
    }

    /** Every category × channel with whether it is on. */
    static Map<String, Map<String, Boolean>> matrix(Set<String> disabled) {
        Map<String, Map<String, Boolean>> channels = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            Map<String, Boolean> byChannel = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                byChannel.put(channel.value(), category.critical() || !disabled.contains(key(category, channel)));
            }
            channels.put(category.value(), byChannel);
        }
        return channels;
    }
}
