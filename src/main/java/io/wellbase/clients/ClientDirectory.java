package io.wellbase.clients;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Clients as other modules see them (scheduling books them, memberships sells to them).
 */
public interface ClientDirectory {

    /** The client of the organization, empty when unknown, merged away or of another organization. */
    Optional<ClientSummary> find(UUID organizationId, UUID clientId);

    /**
     * The organization's clients that are neither merged away nor erased, oldest first (then by name and
     * email): for work over all of them, such as demo data.
     */
    List<ClientListing> listing(UUID organizationId);

    /** A client in a listing: the summary and when the record was created. */
    record ClientListing(UUID id, String firstName, String lastName, @Nullable String email, String status,
            OffsetDateTime createdAt) {
    }

    /** What other modules may know of a client. */
    record ClientSummary(UUID id, String firstName, String lastName, @Nullable String email, String status) {
    }
}
