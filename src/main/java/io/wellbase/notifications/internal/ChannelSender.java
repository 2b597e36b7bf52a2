package io.wellbase.notifications.internal;

import org.jspecify.annotations.Nullable;

/**
 * Hands one message to the outside service of a channel. Answers the provider's id for the message, or
 * throws when the provider refused or could not be reached; the dispatcher retries later.
 */
interface ChannelSender {

    Channel channel();

    @Nullable
    String send(Deliveries.Due message) throws Exception;

    /** Called with the batch's messages of this channel before they are sent one by one (to fetch in bulk). */
    default void prepare(java.util.List<Deliveries.Due> batch) {}

    /** False for a channel without a provider, which only writes messages to the log. */
    default boolean delivers() {
        return true;
    }
}
