package io.wellbase.memberships;

import java.time.Instant;
import java.util.UUID;

/**
 * A class pack's balance fell to the warning threshold ({@code wellbase.memberships.credits-low-at}): the
 * client has {@code creditsLeft} credits left. Published once per fall, at {@code warnedAt}; a top-up above
 * the threshold arms it again.
 */
public record MembershipCreditsLow(
        UUID organizationId, UUID membershipId, UUID clientId, int creditsLeft, Instant warnedAt) {}
