package io.wellbase.notifications.internal;

import java.util.Map;
import java.util.UUID;

/**
 * One thing to tell one client (or, without a client, one staff member), before it is split into channels: its type, what it is about, and the
 * values its template fills in ({@code title} and {@code body} are rendered from them, in the
 * organization's language, just before the message is written). {@code occurrence} tells repeated messages
 * about the same entity apart (the 24-hour and the 2-hour reminder); with the type, the entity and the
 * channel it makes the dedupe key, so a second trigger of the same event adds nothing.
 */
record Message(
        UUID organizationId,
        NotificationType type,
        @org.jspecify.annotations.Nullable UUID clientId,
        String entityType,
        UUID entityId,
        String occurrence,
        Map<String, Object> values,
        String title,
        String body) {

    Message {
        values = Map.copyOf(values);
    }

    static Message of(
            UUID organizationId,
            NotificationType type,
            UUID clientId,
            String entityType,
            UUID entityId,
            String occurrence,
            Map<String, Object> values) {
        return new Message(organizationId, type, clientId, entityType, entityId, occurrence, values, "", "");
    }

    Message withText(String title, String body) {
        return new Message(organizationId, type, clientId, entityType, entityId, occurrence, values, title, body);
    }

    String dedupeKey(Channel channel) {
        return type.value() + ":" + entityType + ":" + entityId + ":" + occurrence + ":" + channel.value();
    }
}
