package io.wellbase.memberships.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A client's membership as the API shows it, with its credit balance (null when the plan has no
 * credits) and freezes.
 */
record MembershipView(
        UUID id,
        UUID clientId,
        UUID planId,
        String planName,
        String kind,
        String status,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean autoRenew,
        boolean cancelAtPeriodEnd,
        OffsetDateTime cancelledAt,
        Integer creditsRemaining,
        List<Freeze> freezes,
        OffsetDateTime createdAt) {

    /** A freeze between two dates, both included. */
    record Freeze(UUID id, LocalDate startsOn, LocalDate endsOn) {}
}
