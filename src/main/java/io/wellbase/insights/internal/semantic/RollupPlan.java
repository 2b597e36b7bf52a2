package io.wellbase.insights.internal.semantic;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a fact's aggregates can be read from the daily rollups: every aggregate is a sum of rolled-up counts, and
 * every dimension and filter is one the rollups keep. Distinct counts and client dimensions always read the rows.
 */
final class RollupPlan {

    static final Set<Dimension> ROLLED_UP = EnumSet.of(
            Dimension.DAY,
            Dimension.WEEK,
            Dimension.MONTH,
            Dimension.WEEKDAY,
            Dimension.HOUR,
            Dimension.LOCATION,
            Dimension.CLASS_TYPE,
            Dimension.INSTRUCTOR);

    /** Dimensions the day totals can answer. */
    static final Set<Dimension> BY_DAY = EnumSet.of(Dimension.DAY, Dimension.WEEK, Dimension.MONTH, Dimension.WEEKDAY);

    private static final Map<Metric, String> SUMS = Map.of(
            Metric.VISITS, "coalesce(sum(r.visits), 0)",
            Metric.BOOKINGS, "coalesce(sum(r.bookings), 0)",
            Metric.PLACES_TAKEN, "coalesce(sum(r.places_taken), 0)",
            Metric.LATE_CANCELS, "coalesce(sum(r.late_cancels), 0)",
            Metric.NO_SHOWS, "coalesce(sum(r.no_shows), 0)",
            Metric.WAITLISTED, "coalesce(sum(r.waitlisted), 0)",
            Metric.CLASSES, "coalesce(sum(r.classes), 0)",
            Metric.CAPACITY, "coalesce(sum(r.capacity), 0)");

    private RollupPlan() {}

    /** The rollup fact that can stand in for {@code fact} with these aggregates and this spec, if any. */
    static Optional<Fact> of(Fact fact, List<Metric> aggregates, CheckedSpec spec) {
        Fact rollup = switch (fact) {
            case ATTENDANCE -> Fact.ROLLUP_ATTENDANCE;
            case SESSIONS -> Fact.ROLLUP_SESSIONS;
            default -> null;
        };
        if (rollup == null
                || !aggregates.stream().allMatch(SUMS::containsKey)
                || !ROLLED_UP.containsAll(spec.dimensions())
                || !ROLLED_UP.containsAll(spec.filters().keySet())) {
            return Optional.empty();
        }
        if (spec.filters().isEmpty() && BY_DAY.containsAll(spec.dimensions())) {
            return Optional.of(Fact.ROLLUP_TOTALS); // one row a day
        }
        Set<Dimension> byLocation = EnumSet.copyOf(BY_DAY);
        byLocation.add(Dimension.LOCATION);
        if (byLocation.containsAll(spec.dimensions())
                && byLocation.containsAll(spec.filters().keySet())) {
            return Optional.of(Fact.ROLLUP_LOCATIONS); // one row a day and location
        }
        return Optional.of(rollup);
    }

    static String sum(Metric metric) {
        return SUMS.get(metric);
    }
}
