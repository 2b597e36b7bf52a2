package io.wellbase.memberships;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A membership ends soon and will not renew by itself; notifications will remind the client.
 */
public record MembershipExpiring(UUID organizationId, UUID membershipId, UUID clientId, LocalDate endsOn) {}
