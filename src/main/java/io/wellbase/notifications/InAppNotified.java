package io.wellbase.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An in-app notification was written for a user, or ({@code readAt} set) marked read, in the publishing
 * transaction. A plain application event for real-time delivery (the messaging module pushes it over the
 * WebSocket once the transaction commits); the notification row is the durable record, so a socket that
 * missed it loses nothing that polling would show.
 *
 * @param notificationId null when every notification of the user was marked read at once
 */
public record InAppNotified(
        UUID organizationId,
        UUID userId,
        @Nullable UUID notificationId,
        @Nullable String type,
        @Nullable String category,
        @Nullable String title,
        @Nullable String body,
        @Nullable OffsetDateTime readAt) {

    /** Whether this tells of a read, not of a new notification. */
    public boolean read() {
        return readAt != null || notificationId == null;
    }
}
