package io.wellbase.clients;

import java.util.UUID;

/**
 * A client's personal data was erased; aggregates (visits, sales) stay, detached from a person.
 */
public record ClientErased(UUID organizationId, UUID clientId) {}
