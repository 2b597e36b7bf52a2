package io.wellbase.notifications.internal;

import java.util.UUID;

/**
 * One thing to tell one client, before it is split into channels. {@code occurrence} tells repeated
 * messages about the same entity apart (the 24-hour and the 2-hour reminder); together with the type,
 * the entity and the channel it makes the dedupe key, so a second trigger of the same event adds nothing.
 */
record Message(
        UUID organizationId,
        NotificationType type,
        UUID clientId,
        String entityType,
        UUID entityId,
        String occurrence,
        String title,
        String body) {

    String dedupeKey(Channel channel) {
        return type.value() + ":" + entityType + ":" + entityId + ":" + occurrence + ":" + channel.value();
    }
}
