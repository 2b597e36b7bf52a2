package io.wellbase.insights.internal.semantic;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Checks a query spec against the semantic layer before anything runs: names it declares, splits its facts
 * allow, the caller's rights on every metric, and bounds that keep a query cheap. Whatever comes out valid
 * compiles to SQL from declarations alone.
 */
public final class SpecCheck {

    public static final int MAX_METRICS = 20;
    public static final int MAX_DIMENSIONS = 3;
    public static final int MAX_FILTER_VALUES = 50;
    public static final int MAX_DAYS = 1096;
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    /** What checking a spec came to. */
    public sealed interface Outcome {}

    public record Valid(CheckedSpec spec) implements Outcome {}

    /** Each problem names the spec's field, as a validation problem's errors do. */
    public record Invalid(List<Problem> problems) implements Outcome {}

    /** A metric the caller's role may not see. */
    public record Forbidden(Metric metric) implements Outcome {}

    public record Problem(String field, String reason) {}

    private SpecCheck() {}

    /**
     * Checks {@code spec} for a caller who may see the metrics {@code allowed} accepts, with {@code today} the
     * organization's date.
     */
    public static Outcome check(QuerySpec spec, Predicate<Metric> allowed, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        List<Metric> metrics = metrics(spec.metrics(), problems);
        Optional<Metric> refused = metrics.stream().filter(allowed.negate()).findFirst();
        if (refused.isPresent()) { // said before anything else about the spec
            return new Forbidden(refused.get());
        }
        List<Dimension> dimensions = dimensions(spec.dimensions(), problems);
        for (Metric metric : metrics) {
            for (Dimension dimension : dimensions) {
                if (!metric.splitsBy(dimension)) {
                    problems.add(new Problem("dimensions", metric.key() + " cannot be split by " + dimension.key()));
                }
            }
        }
        Map<Dimension, List<String>> filters = filters(spec.filters(), metrics, problems);
        LocalDate to = date(
                "timeRange.to",
                spec.timeRange() == null ? null : spec.timeRange().to(),
                today,
                problems);
        LocalDate from = date(
                "timeRange.from",
                spec.timeRange() == null ? null : spec.timeRange().from(),
                to.minusDays(29),
                problems);
        if (to.isBefore(from)) {
            problems.add(new Problem("timeRange.to", "must not be before from"));
        } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            problems.add(new Problem("timeRange", "may span at most three years"));
        }
        int limit = spec.limit() == null ? DEFAULT_LIMIT : spec.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new Problem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        String sort = spec.sort() == null || spec.sort().isBlank()
                ? null
                : spec.sort().trim();
        boolean descending = sort != null && sort.startsWith("-");
        String sortKey = sort == null ? null : sortKey(descending ? sort.substring(1) : sort, metrics, dimensions);
        if (sort != null && sortKey == null) {
            problems.add(new Problem("sort", "must name one of the spec's metrics or dimensions, - for descending"));
        }
        if (!problems.isEmpty()) {
            return new Invalid(List.copyOf(problems));
        }
        return new Valid(new CheckedSpec(metrics, dimensions, filters, from, to, sortKey, descending, limit));
    }

    private static List<Metric> metrics(@Nullable List<String> keys, List<Problem> problems) {
        if (keys == null || keys.isEmpty()) {
            problems.add(new Problem("metrics", "name at least one metric"));
            return List.of();
        }
        if (keys.size() > MAX_METRICS) {
            problems.add(new Problem("metrics", "at most " + MAX_METRICS + " metrics"));
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>();
        for (String key : keys) {
            Optional<Metric> metric = key == null ? Optional.empty() : Metric.byKey(key);
            if (metric.isEmpty()) {
                problems.add(new Problem("metrics", "unknown metric " + quoted(key)));
            } else if (!metrics.contains(metric.get())) {
                metrics.add(metric.get());
            }
        }
        return List.copyOf(metrics);
    }

    private static List<Dimension> dimensions(@Nullable List<String> keys, List<Problem> problems) {
        if (keys == null) {
            return List.of();
        }
        if (keys.size() > MAX_DIMENSIONS) {
            problems.add(new Problem("dimensions", "at most " + MAX_DIMENSIONS + " dimensions"));
            return List.of();
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (String key : keys) {
            Optional<Dimension> dimension = key == null ? Optional.empty() : Dimension.byKey(key);
            if (dimension.isEmpty()) {
                problems.add(new Problem("dimensions", "unknown dimension " + quoted(key)));
            } else if (!dimensions.contains(dimension.get())) {
                dimensions.add(dimension.get());
            }
        }
        if (dimensions.stream().filter(Dimension::isTime).count() > 1) {
            problems.add(new Problem("dimensions", "at most one of day, week and month"));
        }
        return List.copyOf(dimensions);
    }

    private static Map<Dimension, List<String>> filters(
            @Nullable Map<String, List<String>> given, List<Metric> metrics, List<Problem> problems) {
        Map<Dimension, List<String>> filters = new LinkedHashMap<>();
        if (given == null) {
            return filters;
        }
        given.forEach((key, values) -> {
            String field = "filters." + key;
            Optional<Dimension> dimension = Dimension.byKey(key);
            if (dimension.isEmpty()) {
                problems.add(new Problem(field, "unknown dimension"));
                return;
            }
            if (dimension.get().isTime()) {
                problems.add(new Problem(field, "filter days with timeRange"));
                return;
            }
            if (values == null || values.isEmpty() || values.size() > MAX_FILTER_VALUES) {
                problems.add(new Problem(field, "give 1 to " + MAX_FILTER_VALUES + " values"));
                return;
            }
            for (Metric metric : metrics) {
                if (!metric.splitsBy(dimension.get())) {
                    problems.add(new Problem(field, metric.key() + " cannot be filtered by " + key));
                    return;
                }
            }
            List<String> normalized = new ArrayList<>();
            for (String value : values) {
                Optional<String> v = normalized(dimension.get(), value);
                if (v.isEmpty()) {
                    problems.add(new Problem(field, "not a value of " + key + ": " + quoted(value)));
                    return;
                }
                normalized.add(v.get());
            }
            filters.put(dimension.get(), List.copyOf(normalized));
        });
        return filters;
    }

    /** A filter value as the compiled SQL compares it: lower case, weekdays as ISO numbers. */
    private static Optional<String> normalized(Dimension dimension, @Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (dimension == Dimension.WEEKDAY) {
            for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
                String name = day.name().toLowerCase(Locale.ROOT);
                if (v.equals(name) || v.equals(name.substring(0, 3)) || v.equals(String.valueOf(day.getValue()))) {
                    return Optional.of(String.valueOf(day.getValue()));
                }
            }
            return Optional.empty();
        }
        if (dimension == Dimension.HOUR) {
            String digits = v.endsWith(":00") ? v.substring(0, v.length() - 3) : v;
            try {
                int hour = Integer.parseInt(digits);
                return hour >= 0 && hour <= 23 ? Optional.of(String.valueOf(hour)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(v);
    }

    private static @Nullable String sortKey(String key, List<Metric> metrics, List<Dimension> dimensions) {
        for (Metric m : metrics) {
            if (m.key().equalsIgnoreCase(key)) {
                return m.key();
            }
        }
        for (Dimension d : dimensions) {
            if (d.key().equalsIgnoreCase(key)) {
                return d.key();
            }
        }
        return null;
    }

    private static LocalDate date(String field, @Nullable String value, LocalDate fallback, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "must be a date like 2026-03-14"));
            return fallback;
        }
    }

    private static String quoted(@Nullable String s) {
        if (s == null) {
            return "(null)";
        }
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return "'" + cut + "'";
    }
}
