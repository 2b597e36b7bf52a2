package io.wellbase.memberships;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What billing asks to prorate a change of plan: the membership's current plan and period, the plan it would move
 * to, and the move itself once the difference is settled. The period's end stays; only the plan changes.
 */
public interface PlanChanges {

    /** The running membership's plan and current period, empty when unknown or no longer running. */
    Optional<Current> current(UUID organizationId, UUID membershipId);

    /** A plan of the organization that is not archived, empty otherwise. */
    Optional<Plan> plan(UUID organizationId, UUID planId);

    /** Moves the membership to the plan from now on (audited); its period and status stay. */
    void change(UUID organizationId, UUID membershipId, UUID planId, UUID by);

    /** A plan's price for one period. {@code periodic}: a subscription or an unlimited plan (no credits). */
    record Plan(UUID id, String name, long price, String currency, boolean periodic) {}

    /** A membership's plan and the period it is in now, both ends included. */
    record Current(UUID membershipId, UUID clientId, Plan plan, LocalDate periodStart, LocalDate periodEnd) {}
}
