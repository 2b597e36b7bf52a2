package io.wellbase.insights.internal.semantic;

import io.wellbase.platform.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every figure Wellbase reports, declared once: either an aggregate over one fact's rows, or a ratio or a
 * difference of two such figures computed after both are counted over the same groups. Money figures need
 * {@link Permission#REVENUE_READ}; the rest {@link Permission#ANALYTICS_READ}.
 */
public enum Metric {
    VISITS("visits", "Visits", Fact.ATTENDANCE, "count(*) FILTER (WHERE b.status = 'attended')"),
    UNIQUE_VISITORS(
            "uniqueVisitors",
            "Clients who came",
            Fact.ATTENDANCE,
            "count(DISTINCT b.client_id) FILTER (WHERE b.status = 'attended')"),
    BOOKINGS(
            "bookings",
            "Bookings",
            Fact.ATTENDANCE,
            "count(*) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show', 'late_cancelled', 'cancelled'))"),
    PLACES_TAKEN(
            "placesTaken",
            "Places taken",
            Fact.ATTENDANCE,
            "count(*) FILTER (WHERE b.status IN ('confirmed', 'attended', 'no_show'))"),
    LATE_CANCELS("lateCancels", "Late cancels", Fact.ATTENDANCE, "count(*) FILTER (WHERE b.status = 'late_cancelled')"),
    NO_SHOWS("noShows", "No-shows", Fact.ATTENDANCE, "count(*) FILTER (WHERE b.status = 'no_show')"),
    WAITLISTED("waitlisted", "Still on a waitlist", Fact.ATTENDANCE, "count(*) FILTER (WHERE b.status = 'waitlisted')"),
    CLASSES("classes", "Classes held", Fact.SESSIONS, "count(*)"),
    CAPACITY("capacity", "Places offered", Fact.SESSIONS, "coalesce(sum(cs.capacity), 0)"),
    NEW_CLIENTS("newClients", "New clients", Fact.CLIENTS, "count(*)"),
    NEW_MEMBERSHIPS("newMemberships", "Memberships and packs started", Fact.MEMBERSHIP_STARTS, "count(*)"),
    ACTIVE_MEMBERS("activeMembers", "Active members", Fact.MEMBERSHIP_ACTIVE, "count(DISTINCT m.client_id)"),
    CHURNED_MEMBERS("churnedMembers", "Members who left", Fact.MEMBERSHIP_ENDS, "count(DISTINCT m.client_id)"),
    REVENUE("revenue", "Revenue", Fact.SALES, "coalesce(sum(si.total), 0)", Unit.MONEY),
    REFUNDS("refunds", "Refunds", Fact.REFUNDS, "coalesce(sum(r.amount), 0)", Unit.MONEY),
    APPOINTMENTS("appointments", "Appointments", Fact.APPOINTMENTS, "count(*)"),
    CREDITS_USED("creditsUsed", "Credits used", Fact.CREDITS, "coalesce(-sum(cl.delta), 0)"),
    FILL_RATE("fillRate", "Fill rate", Formula.RATIO, PLACES_TAKEN, CAPACITY),
    NO_SHOW_RATE("noShowRate", "No-show rate", Formula.RATIO, NO_SHOWS, PLACES_TAKEN),
    LATE_CANCEL_RATE("lateCancelRate", "Late-cancel rate", Formula.RATIO, LATE_CANCELS, BOOKINGS),
    MEMBER_CHURN_RATE("memberChurnRate", "Member churn rate", Formula.RATIO, CHURNED_MEMBERS, ACTIVE_MEMBERS),
    NET_REVENUE("netRevenue", "Revenue after refunds", Formula.DIFFERENCE, REVENUE, REFUNDS),
    REVENUE_PER_MEMBER("revenuePerMember", "Revenue per active member", Formula.PER, REVENUE, ACTIVE_MEMBERS);

    /** How a computed metric combines its two parts. */
    enum Formula {
        /** a / b as a percentage with one decimal; null when b is 0. */
        RATIO,
        /** a − b. */
        DIFFERENCE,
        /** a / b rounded to a whole unit; null when b is 0. */
        PER
    }

    private final String key;
    private final String label;
    private final @Nullable Fact fact;
    private final @Nullable String aggregate;
    private final Unit unit;
    private final @Nullable Formula formula;
    private final List<Metric> parts;

    Metric(String key, String label, Fact fact, String aggregate) {
        this(key, label, fact, aggregate, Unit.COUNT);
    }

    Metric(String key, String label, Fact fact, String aggregate, Unit unit) {
        this.key = key;
        this.label = label;
        this.fact = fact;
        this.aggregate = aggregate;
        this.unit = unit;
        this.formula = null;
        this.parts = List.of();
    }

    Metric(String key, String label, Formula formula, Metric a, Metric b) {
        this.key = key;
        this.label = label;
        this.fact = null;
        this.aggregate = null;
        this.formula = formula;
        this.parts = List.of(a, b);
        this.unit = formula == Formula.RATIO ? Unit.PERCENT : a.unit;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** The fact counted, for an aggregate; null for a computed metric. */
    @Nullable
    Fact fact() {
        return fact;
    }

    @Nullable
    String aggregate() {
        return aggregate;
    }

    @Nullable
    Formula formula() {
        return formula;
    }

    /** The two metrics a computed one is made of; empty for an aggregate. */
    List<Metric> parts() {
        return parts;
    }

    /** The aggregates this metric needs counted: itself, or its parts. */
    List<Metric> aggregates() {
        return parts.isEmpty()
                ? List.of(this)
                : parts.stream().flatMap(p -> p.aggregates().stream()).toList();
    }

    /** The permission needed to see this metric. */
    public Permission permission() {
        return aggregates().stream().anyMatch(m -> m.unit == Unit.MONEY)
                ? Permission.REVENUE_READ
                : Permission.ANALYTICS_READ;
    }

    /** Whether rows of every fact this metric reads can be split by the dimension. */
    public boolean splitsBy(Dimension dimension) {
        return aggregates().stream().allMatch(m -> dimension.on(m.fact).isPresent());
    }

    public static Optional<Metric> byKey(String key) {
        String wanted = key.replace("_", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.key.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
