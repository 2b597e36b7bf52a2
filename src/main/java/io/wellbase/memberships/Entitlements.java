package io.wellbase.memberships;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What scheduling asks before it confirms a booking: which of the client's memberships covers it.
 * A reservation takes a credit (class pack) or counts against an unlimited plan's weekly limit, in
 * the caller's transaction; releasing it gives the credit back or forfeits it.
 */
public interface Entitlements {

    /**
     * Uses the best membership that covers the class: an unlimited plan within its limits first,
     * otherwise a credit from the pack that expires soonest. Answers 422 {@code membership.none_valid}
     * or {@code membership.weekly_limit_reached} when nothing covers it.
     */
    Entitlement reserve(UUID organizationId, UUID clientId, UUID bookingId, Coverage coverage, OffsetDateTime startsAt);

    /** Gives back the credit of a booking cancelled in time; does nothing when it used none. */
    void release(UUID organizationId, UUID bookingId);

    /**
     * Marks the booking's use as forfeited (late cancel, no-show): the credit stays used, and up to
     * {@code penaltyCredits} more are taken from the same membership, never below zero.
     */
    void forfeit(UUID organizationId, UUID bookingId, int penaltyCredits);

    /** What is being booked. */
    record Coverage(UUID classTypeId, UUID serviceId, UUID locationId) {
    }

    /** The membership that covers a booking, and whether a credit was taken. */
    record Entitlement(UUID membershipId, boolean creditUsed) {
    }
}
