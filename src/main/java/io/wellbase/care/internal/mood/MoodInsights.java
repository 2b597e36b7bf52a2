package io.wellbase.care.internal.mood;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Which factors go with better or worse mood, by day: the days with a factor against the days without it (each a
 * day's average mood), reported with the size of the difference and its 95 % interval only when there are at
 * least 3 days of each; and whether the last two weeks differ from the two before. Attending a class comes from
 * the studio's attendance, the other factors from what the client recorded.
 */
record MoodInsights(
        LocalDate from,
        LocalDate to,
        int days,
        List<Factor> factors,
        List<Pending> notEnoughData,
        @Nullable Trend trend) {

    static final int MIN_DAYS = 3;
    static final String CLASS = "classAttended";
    private static final double SLEEP_HOURS = 7;

    record Factor(
            String factor,
            String description,
            int withDays,
            int withoutDays,
            double withAverage,
            double withoutAverage,
            double difference,
            double low,
            double high,
            boolean clear,
            String sentence) {}

    record Pending(String factor, int withDays, int withoutDays) {}

    record Trend(
            LocalDate recentFrom,
            int recentDays,
            int earlierDays,
            double change,
            double low,
            double high,
            boolean clear,
            String sentence) {}

    static MoodInsights of(LocalDate from, LocalDate to, List<MoodStore.Entry> entries, Set<LocalDate> classDays) {
        List<MoodDay> days = MoodDay.of(entries);
        Map<String, Map<LocalDate, Boolean>> byFactor = new TreeMap<>();
        Map<LocalDate, Boolean> attended = new HashMap<>();
        for (MoodDay d : days) {
            attended.put(d.date(), classDays.contains(d.date()));
        }
        byFactor.put(CLASS, attended);
        for (MoodStore.Entry e : entries) {
            for (Map.Entry<String, JsonNode> f : e.factors().properties()) {
                Boolean with = with(f.getKey(), f.getValue());
                if (with != null && !f.getKey().equals(CLASS)) {
                    byFactor.computeIfAbsent(f.getKey(), k -> new HashMap<>())
                            .merge(e.date(), with, Boolean::logicalOr);
                }
            }
        }
        Map<LocalDate, Double> mood = new HashMap<>();
        days.forEach(d -> mood.put(d.date(), d.average()));
        List<Factor> factors = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        byFactor.forEach((name, perDay) -> {
            List<Double> with = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            perDay.forEach((day, has) -> (has ? with : without).add(mood.get(day)));
            if (with.size() < MIN_DAYS || without.size() < MIN_DAYS) {
                pending.add(new Pending(name, with.size(), without.size()));
            } else {
                factors.add(factor(name, Difference.of(with, without)));
            }
        });
        factors.sort(java.util.Comparator.comparingDouble((Factor f) -> -Math.abs(f.difference())));
        return new MoodInsights(from, to, days.size(), factors, pending, trend(days, to));
    }

    /** Whether a recorded value counts as "with the factor": true/false, sleep of 7 hours or more, any other amount above 0. */
    static @Nullable Boolean with(String factor, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return factor.equals("sleepHours") ? value.doubleValue() >= SLEEP_HOURS : value.doubleValue() > 0;
        }
        return null;
    }

    static String description(String factor) {
        return switch (factor) {
            case CLASS -> "attend a class";
            case "sleepHours" -> "sleep 7 hours or more";
            case "exercise" -> "exercise";
            case "caffeine" -> "have caffeine";
            default -> "record " + factor;
        };
    }

    private static Factor factor(String name, Difference d) {
        String what = description(name);
        String counts = "(95%% interval %s to %s; %d days with, %d without)"
                .formatted(one(d.low()), one(d.high()), d.withDays(), d.withoutDays());
        String sentence = d.clear()
                ? "Your mood averages %s %s on days you %s %s."
                        .formatted(one(Math.abs(d.difference())), d.difference() > 0 ? "higher" : "lower", what, counts)
                : "No clear difference in your mood on days you %s %s.".formatted(what, counts);
        return new Factor(
                name,
                what,
                d.withDays(),
                d.withoutDays(),
                MoodStats.round(d.withMean()),
                MoodStats.round(d.withoutMean()),
                MoodStats.round(d.difference()),
                MoodStats.round(d.low()),
                MoodStats.round(d.high()),
                d.clear(),
                sentence);
    }

    /** The last 14 days of the range against the 14 before them, each with at least 3 days of entries. */
    private static @Nullable Trend trend(List<MoodDay> days, LocalDate to) {
        LocalDate recentFrom = to.minusDays(13);
        LocalDate earlierFrom = recentFrom.minusDays(14);
        List<Double> recent = new ArrayList<>();
        List<Double> earlier = new ArrayList<>();
        for (MoodDay d : days) {
            if (!d.date().isBefore(recentFrom) && !d.date().isAfter(to)) {
                recent.add(d.average());
            } else if (!d.date().isBefore(earlierFrom) && d.date().isBefore(recentFrom)) {
                earlier.add(d.average());
            }
        }
        if (recent.size() < MIN_DAYS || earlier.size() < MIN_DAYS) {
            return null;
        }
        Difference d = Difference.of(recent, earlier);
        String sentence = d.clear()
                ? "Your mood %s by %s in the last two weeks (95%% interval %s to %s)."
                        .formatted(
                                d.difference() > 0 ? "rose" : "fell",
                                one(Math.abs(d.difference())),
                                one(d.low()),
                                one(d.high()))
                : "Your mood in the last two weeks is about the same as in the two before.";
        return new Trend(
                recentFrom,
                recent.size(),
                earlier.size(),
                MoodStats.round(d.difference()),
                MoodStats.round(d.low()),
                MoodStats.round(d.high()),
                d.clear(),
                sentence);
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
