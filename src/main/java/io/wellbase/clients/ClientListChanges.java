package io.wellbase.clients;

import java.util.UUID;

/**
 * Tells the client list that data its filters and facets read has changed for an organization (a
 * membership sold, a visit checked in), so that this node counts afresh at once; other nodes see the
 * change when their short-lived counts expire (a few seconds, {@code wellbase.clients.list-cache-ttl}).
 */
public interface ClientListChanges {

    void changed(UUID organizationId);
}
