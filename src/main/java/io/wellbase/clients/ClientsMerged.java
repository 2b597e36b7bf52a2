package io.wellbase.clients;

import java.util.UUID;

/**
 * Two client records were merged: everything of {@code mergedId} now belongs to {@code survivorId}.
 * Modules holding rows of the merged client (visits, memberships) move them over.
 */
public record ClientsMerged(UUID organizationId, UUID survivorId, UUID mergedId) {}
