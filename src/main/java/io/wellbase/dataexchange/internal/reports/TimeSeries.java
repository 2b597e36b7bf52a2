package io.wellbase.dataexchange.internal.reports;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A daily figure over the period as a line chart's points: one per day up to {@link #MAX_POINTS}
 * days, else one per week (from Monday, labelled with the Monday) up to that many weeks, else one
 * per month, so that a year reads as a trend rather than a zig-zag. Days without a figure count as
 * zero; the first and last week or month may be partial.
 */
record TimeSeries(Step step, List<String> categories, List<BigDecimal> values) {

    static final int MAX_POINTS = 60;

    enum Step {
        DAY("day"),
        WEEK("week"),
        MONTH("month");

        final String word;

        Step(String word) {
            this.word = word;
        }
    }

    static TimeSeries of(LocalDate from, LocalDate to, Map<LocalDate, ? extends Number> daily) {
        LocalDate firstMonday = monday(from);
        Step step = ChronoUnit.DAYS.between(from, to) + 1 <= MAX_POINTS
                ? Step.DAY
                : ChronoUnit.WEEKS.between(firstMonday, monday(to)) + 1 <= MAX_POINTS ? Step.WEEK : Step.MONTH;
        Map<String, BigDecimal> buckets = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            buckets.putIfAbsent(bucket(step, d), BigDecimal.ZERO);
        }
        daily.forEach((day, value) -> {
            if (value != null && !day.isBefore(from) && !day.isAfter(to)) {
                buckets.merge(bucket(step, day), decimal(value), BigDecimal::add);
            }
        });
        return new TimeSeries(step, List.copyOf(buckets.keySet()), List.copyOf(buckets.values()));
    }

    /** The values as a chart series. */
    List<Number> numbers() {
        return new ArrayList<>(values);
    }

    private static String bucket(Step step, LocalDate day) {
        return switch (step) {
            case DAY -> day.toString();
            case WEEK -> monday(day).toString();
            case MONTH -> YearMonth.from(day).toString();
        };
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static BigDecimal decimal(Number value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
