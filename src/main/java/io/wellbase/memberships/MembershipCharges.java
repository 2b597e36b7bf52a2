package io.wellbase.memberships;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The renewal charges that memberships records as due, for billing to collect: with the saved card when the
 * client has one, by hand otherwise. A membership whose renewal stays unpaid after dunning lapses here.
 */
public interface MembershipCharges {

    /** The membership's oldest charge still due, empty when nothing is due (or the membership is unknown). */
    Optional<DueCharge> oldestDue(UUID organizationId, UUID membershipId);

    /** The charges due by {@code today} of these clients' memberships, oldest first, at most {@code limit}. */
    List<DueCharge> dueFor(UUID organizationId, Collection<UUID> clientIds, LocalDate today, int limit);

    /** The charge, whatever its status, empty when unknown. */
    Optional<DueCharge> find(UUID organizationId, UUID chargeId);

    /** Marks a due charge collected; false when it was no longer due. */
    boolean collect(UUID organizationId, UUID chargeId);

    /**
     * Ends what an unpaid renewal gave: the membership is paused (frozen until staff change it) or cancelled, and
     * the charge is void. Billing calls it only after the last paid day.
     */
    void lapse(UUID organizationId, UUID chargeId, Lapse action);

    /** What becomes of a membership whose renewal was never paid. */
    enum Lapse {
        PAUSE,
        CANCEL
    }

    /** A renewal charge: the period it pays for, and whether it is still due. */
    record DueCharge(
            UUID organizationId,
            UUID chargeId,
            UUID membershipId,
            UUID clientId,
            String planName,
            long amount,
            String currency,
            LocalDate periodStart,
            LocalDate periodEnd,
            boolean due) {}
}
