package io.wellbase.messaging;

import java.util.UUID;

/** How many messages a person has not read yet, over every conversation they are in (dashboards show it). */
public interface UnreadMessages {

    long count(UUID organizationId, UUID userId);
}
