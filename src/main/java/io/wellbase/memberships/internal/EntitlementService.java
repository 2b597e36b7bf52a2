package io.wellbase.memberships.internal;

import io.wellbase.memberships.Entitlements;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.data.Rows;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses the membership that pays for a booking and records the use in the credit ledger.
 */
@Service
class EntitlementService implements Entitlements {

    private final JdbcClient jdbc;
    private final CreditLedger ledger;
    private final OrganizationProfiles organizations;

    EntitlementService(JdbcClient jdbc, CreditLedger ledger, OrganizationProfiles organizations) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.organizations = organizations;
    }

    private record Candidate(UUID id, String kind, Integer credits, Integer weeklyLimit, LocalDate endsOn) {}

    /**
     * Answers {@link NotCovered} before it writes anything, so the caller may go on (the next in line, an
     * override). The candidates are locked as they are read, and each use is written by one statement that
     * checks the balance or the weekly limit itself: that statement starts after the lock is held, so it sees
     * every use committed before, and two bookings racing for the last credit cannot both take it.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Reservation reserve(UUID orgId, UUID clientId, UUID bookingId, Coverage coverage, OffsetDateTime startsAt) {
        // the class's day and week where the organization is: a 00:15 class in Berlin is on that Berlin day
        ZoneId zone = organizations
                .find(orgId)
                .map(OrganizationProfiles.Profile::zone)
                .orElse(ZoneOffset.UTC);
        LocalDate day = startsAt.atZoneSameInstant(zone).toLocalDate();
        List<Candidate> candidates = lockedCandidates(orgId, clientId, coverage, day);
        if (candidates.isEmpty()) {
            return new NotCovered(Reason.NONE_VALID);
        }
        boolean limited = false;
        for (Candidate c : candidates) {
            CreditLedger.Use use = new CreditLedger.Use(orgId, clientId, c.id(), bookingId, startsAt);
            if (c.credits() != null) {
                if (ledger.takeCredit(use)) {
                    return new Entitlement(c.id(), true);
                }
            } else if (c.weeklyLimit() == null) {
                ledger.append(orgId, clientId, c.id(), 0, "use", bookingId, startsAt, null, null);
                return new Entitlement(c.id(), false);
            } else if (ledger.useWithinWeeklyLimit(use, mondayOf(day).atStartOfDay(zone), c.weeklyLimit())) {
                return new Entitlement(c.id(), false);
            } else {
                limited = true;
            }
        }
        return new NotCovered(limited ? Reason.WEEKLY_LIMIT_REACHED : Reason.NO_CREDITS);
    }

    /**
     * Unlimited plans first (no credit needed), then packs that end soonest; each row locked as it is
     * returned, in that order, so two bookings of one client lock them in the same order.
     */
    private List<Candidate> lockedCandidates(UUID orgId, UUID clientId, Coverage coverage, LocalDate day) {
        return jdbc.sql("""
                SELECT m.id, p.kind, p.credits, p.weekly_booking_limit AS weekly_limit, m.ends_on
                FROM client_memberships m
                JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
                WHERE m.org_id = :org AND m.client_id = :client
                  AND m.status IN ('active', 'pending', 'frozen')
                  AND :day BETWEEN m.starts_on AND m.ends_on
                  AND NOT EXISTS (SELECT 1 FROM membership_freezes f
                                  WHERE f.org_id = m.org_id AND f.membership_id = m.id AND :day BETWEEN f.starts_on AND f.ends_on)
                  AND (CAST(:classType AS uuid) IS NULL OR cardinality(p.class_type_ids) = 0
                       OR CAST(:classType AS uuid) = ANY (p.class_type_ids))
                  AND (CAST(:service AS uuid) IS NULL OR cardinality(p.service_ids) = 0
                       OR CAST(:service AS uuid) = ANY (p.service_ids))
                  AND (CAST(:location AS uuid) IS NULL OR cardinality(p.location_ids) = 0
                       OR CAST(:location AS uuid) = ANY (p.location_ids))
                ORDER BY (p.credits IS NOT NULL), m.ends_on, m.id
                FOR UPDATE OF m
                """)
                .param("org", orgId)
                .param("client", clientId)
                .param("day", day)
                .param("classType", coverage.classTypeId())
                .param("service", coverage.serviceId())
                .param("location", coverage.locationId())
                .query(Rows.of(Candidate.class))
                .list();
    }

    private static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID orgId, UUID bookingId) {
        use(orgId, bookingId).ifPresent(use -> {
            ledger.lock(orgId, use.membershipId());
            boolean alreadySettled = jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM credit_ledger WHERE org_id = :org AND booking_id = :b AND reason IN ('refund', 'forfeit'))
                    """)
                    .param("org", orgId)
                    .param("b", bookingId)
                    .query(Boolean.class)
                    .single();
            if (!alreadySettled) {
                ledger.append(
                        orgId,
                        use.clientId(),
                        use.membershipId(),
                        -use.delta(),
                        "refund",
                        bookingId,
                        null,
                        "Cancelled in time",
                        null);
            }
        });
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void forfeit(UUID orgId, UUID bookingId, int penaltyCredits) {
        use(orgId, bookingId).ifPresent(use -> {
            ledger.lock(orgId, use.membershipId());
            int penalty = use.delta() < 0 ? Math.min(penaltyCredits, ledger.balance(orgId, use.membershipId())) : 0;
            ledger.append(
                    orgId,
                    use.clientId(),
                    use.membershipId(),
                    -penalty,
                    "forfeit",
                    bookingId,
                    null,
                    penalty > 0 ? "Late cancel or no-show, penalty " + penalty : "Late cancel or no-show",
                    null);
        });
    }

    private record Use(UUID clientId, UUID membershipId, int delta) {}

    private Optional<Use> use(UUID orgId, UUID bookingId) {
        return jdbc.sql("""
                SELECT client_id, membership_id, delta FROM credit_ledger
                WHERE org_id = :org AND booking_id = :b AND reason = 'use' ORDER BY created_at DESC LIMIT 1
                """)
                .param("org", orgId)
                .param("b", bookingId)
                .query(Rows.of(Use.class))
                .optional();
    }
}
