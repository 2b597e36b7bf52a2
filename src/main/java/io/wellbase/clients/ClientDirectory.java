package io.wellbase.clients;

import java.util.Optional;
import java.util.UUID;

/**
 * Clients as other modules see them (scheduling books them, memberships sells to them).
 */
public interface ClientDirectory {

    /** The client of the organization, empty when unknown, merged away or of another organization. */
    Optional<ClientSummary> find(UUID organizationId, UUID clientId);

    /** What other modules may know of a client. */
    record ClientSummary(UUID id, String firstName, String lastName, String email, String status) {
    }
}
