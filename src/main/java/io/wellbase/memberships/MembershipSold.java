package io.wellbase.memberships;

import java.util.UUID;

/**
 * A membership was sold or assigned to a client.
 */
public record MembershipSold(UUID organizationId, UUID membershipId, UUID clientId, UUID planId, UUID saleId) {}
