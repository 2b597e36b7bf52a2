package io.wellbase.memberships;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What scheduling asks before it confirms a booking: which of the client's memberships covers it.
 * A reservation takes a credit (class pack) or counts against an unlimited plan's weekly limit, in
 * the caller's transaction; releasing it gives the credit back or forfeits it.
 */
public interface Entitlements {

    /**
     * Uses the best membership that covers the class: an unlimited plan within its limits first,
     * otherwise a credit from the pack that expires soonest. Answers {@link Entitlement} when one covers
     * it, or {@link NotCovered} with the reason, having written nothing.
     */
    Reservation reserve(UUID organizationId, UUID clientId, UUID bookingId, Coverage coverage, OffsetDateTime startsAt);

    /** Gives back the credit of a booking cancelled in time; does nothing when it used none. */
    void release(UUID organizationId, UUID bookingId);

    /**
     * Marks the booking's use as forfeited (late cancel, no-show): the credit stays used, and up to
     * {@code penaltyCredits} more are taken from the same membership, never below zero.
     */
    void forfeit(UUID organizationId, UUID bookingId, int penaltyCredits);

    /** What is being booked. */
    record Coverage(@Nullable UUID classTypeId, @Nullable UUID serviceId, UUID locationId) {}

    /** The outcome of {@link #reserve}. */
    sealed interface Reservation permits Entitlement, NotCovered {}

    /** The membership that covers a booking, and whether a credit was taken. */
    record Entitlement(UUID membershipId, boolean creditUsed) implements Reservation {}

    /** Nothing covers the booking, for this reason; nothing was written. */
    record NotCovered(Reason reason) implements Reservation {}

    /** Why no membership covers a booking, with the problem code the API answers for it. */
    enum Reason {
        NONE_VALID("membership.none_valid", "The client has no membership that covers this class on that day"),
        WEEKLY_LIMIT_REACHED(
                "membership.weekly_limit_reached", "The weekly booking limit of the membership is reached"),
        NO_CREDITS("membership.no_credits", "No credits left on the client's class packs");

        private final String code;
        private final String detail;

        Reason(String code, String detail) {
            this.code = code;
            this.detail = detail;
        }

        public String code() {
            return code;
        }

        public String detail() {
            return detail;
        }
    }
}
