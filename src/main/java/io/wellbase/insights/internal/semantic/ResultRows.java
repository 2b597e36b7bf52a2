package io.wellbase.insights.internal.semantic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns merged groups into an answer: computed metrics, empty periods filled, sorted, cut to the limit. */
final class ResultRows {

    /** Dimensions whose label may repeat across ids, so rows carry the id beside it. */
    private static final Set<Dimension> WITH_ID =
            Set.of(Dimension.LOCATION, Dimension.CLASS_TYPE, Dimension.INSTRUCTOR, Dimension.PLAN);

    private ResultRows() {}

    static QueryResult of(CheckedSpec spec, Map<List<String>, SemanticQueries.Group> groups, String currency) {
        List<SemanticQueries.Group> all = new ArrayList<>(groups.values());
        if (spec.dimensions().size() == 1 && spec.time() != null) {
            fillPeriods(spec, groups, all);
        }
        if (spec.dimensions().isEmpty() && all.isEmpty()) {
            all.add(new SemanticQueries.Group(List.of(), List.of())); // totals over no rows are zeros, not nothing
        }
        all.sort(order(spec));
        boolean truncated = all.size() > spec.limit();
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (SemanticQueries.Group group : truncated ? all.subList(0, spec.limit()) : all) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (int i = 0; i < spec.dimensions().size(); i++) {
                Dimension d = spec.dimensions().get(i);
                row.put(d.key(), label(d, group, i));
                if (WITH_ID.contains(d)) {
                    row.put(d.key() + "Id", group.keys.get(i));
                }
            }
            for (Metric m : spec.metrics()) {
                row.put(m.key(), value(m, group));
            }
            rows.add(row);
        }
        List<QueryResult.Column> columns = new ArrayList<>();
        spec.dimensions().forEach(d -> columns.add(new QueryResult.Column(d.key(), d.label(), "dimension", null)));
        spec.metrics()
                .forEach(m -> columns.add(new QueryResult.Column(
                        m.key(), m.label(), "metric", m.unit().value())));
        return new QueryResult(spec.asSpec(), List.copyOf(columns), rows, currency, truncated);
    }

    /** A metric's value for a group: the count, or the computed figure (null where it divides by zero). */
    static @Nullable Object value(Metric metric, SemanticQueries.Group group) {
        if (metric.formula() == null) {
            return group.value(metric);
        }
        long a = number(metric.parts().get(0), group);
        long b = number(metric.parts().get(1), group);
        return switch (metric.formula()) {
            case DIFFERENCE -> a - b;
            case RATIO -> b == 0 ? null : Figures.percent(a, b);
            case PER -> b == 0 ? null : Math.round((double) a / b);
        };
    }

    private static long number(Metric metric, SemanticQueries.Group group) {
        Object v = value(metric, group);
        return v instanceof Long l ? l : 0L;
    }

    private static @Nullable Object label(Dimension d, SemanticQueries.Group group, int i) {
        String label = group.labels.get(i);
        if (label == null) {
            return WITH_ID.contains(d) ? "(none)" : null;
        }
        return label;
    }

    /** Adds a zero row for every period of the range that had no rows, so a chart's line has no holes. */
    private static void fillPeriods(
            CheckedSpec spec, Map<List<String>, SemanticQueries.Group> groups, List<SemanticQueries.Group> all) {
        Dimension time = spec.time();
        LocalDate day = switch (time) {
            case WEEK -> spec.from().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> spec.from().withDayOfMonth(1);
            default -> spec.from();
        };
        while (!day.isAfter(spec.to())) {
            List<String> key = List.of(day.toString());
            if (!groups.containsKey(key)) {
                all.add(new SemanticQueries.Group(List.of(day.toString()), List.of(day.toString())));
            }
            day = switch (time) {
                case WEEK -> day.plusWeeks(1);
                case MONTH -> day.plusMonths(1);
                default -> day.plusDays(1);
            };
        }
    }

    private static Comparator<SemanticQueries.Group> order(CheckedSpec spec) {
        Comparator<SemanticQueries.Group> byDimensions = (x, y) -> 0;
        for (int i = 0; i < spec.dimensions().size(); i++) {
            byDimensions =
                    byDimensions.thenComparing(dimensionOrder(spec.dimensions().get(i), i));
        }
        String key = spec.sortKey();
        if (key == null) {
            if (spec.time() != null || spec.metrics().isEmpty()) {
                return byDimensions;
            }
            return metricOrder(spec.metrics().get(0), true).thenComparing(byDimensions);
        }
        for (int i = 0; i < spec.dimensions().size(); i++) {
            Dimension d = spec.dimensions().get(i);
            if (d.key().equals(key)) {
                Comparator<SemanticQueries.Group> c = dimensionOrder(d, i);
                return (spec.descending() ? c.reversed() : c).thenComparing(byDimensions);
            }
        }
        Metric metric = spec.metrics().stream()
                .filter(m -> m.key().equals(key))
                .findFirst()
                .orElseThrow();
        return metricOrder(metric, spec.descending()).thenComparing(byDimensions);
    }

    private static Comparator<SemanticQueries.Group> metricOrder(Metric metric, boolean descending) {
        Comparator<SemanticQueries.Group> c = Comparator.comparing(
                g -> sortable(value(metric, g)), Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()));
        return descending ? c.reversed() : c;
    }

    private static @Nullable BigDecimal sortable(@Nullable Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        return v instanceof Long l ? BigDecimal.valueOf(l) : null;
    }

    /** Periods, weekdays and hours in their own order; names alphabetically, missing ones last. */
    private static Comparator<SemanticQueries.Group> dimensionOrder(Dimension d, int i) {
        if (d.isTime()) {
            return Comparator.comparing(g -> g.keys.get(i), Comparator.nullsLast(Comparator.naturalOrder()));
        }
        if (d == Dimension.WEEKDAY || d == Dimension.HOUR) {
            return Comparator.comparing(
                    g -> g.keys.get(i) == null ? null : Integer.valueOf(g.keys.get(i)),
                    Comparator.nullsLast(Comparator.naturalOrder()));
        }
        return Comparator.comparing(
                g -> g.labels.get(i) == null ? null : g.labels.get(i).toLowerCase(java.util.Locale.ROOT),
                Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
