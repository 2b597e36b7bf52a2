package io.wellbase.care.internal.mood;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A client's mood over a range: the average of all entries, how the entries spread over 1–5, streaks of days with
 * an entry, averages by weekday and month (of the entries), and the daily values (each day's average).
 */
record MoodStats(
        LocalDate from,
        LocalDate to,
        int entries,
        int days,
        @Nullable Double average,
        Map<Integer, Integer> distribution,
        Streaks streaks,
        List<Group> byWeekday,
        List<Group> byMonth,
        List<Daily> daily) {

    record Streaks(int current, int longest) {}

    record Group(String key, int entries, double average) {}

    record Daily(LocalDate date, double average, int entries) {}

    static MoodStats of(LocalDate from, LocalDate to, LocalDate today, List<MoodStore.Entry> entries) {
        Map<Integer, Integer> distribution = new LinkedHashMap<>();
        for (int m = 1; m <= 5; m++) {
            distribution.put(m, 0);
        }
        Map<DayOfWeek, int[]> weekdays = new TreeMap<>();
        Map<YearMonth, int[]> months = new TreeMap<>();
        long sum = 0;
        for (MoodStore.Entry e : entries) {
            distribution.merge(e.mood(), 1, Integer::sum);
            sum += e.mood();
            add(weekdays.computeIfAbsent(e.date().getDayOfWeek(), d -> new int[2]), e.mood());
            add(months.computeIfAbsent(YearMonth.from(e.date()), d -> new int[2]), e.mood());
        }
        List<MoodDay> days = MoodDay.of(entries);
        List<Group> byWeekday = new ArrayList<>();
        weekdays.forEach((d, sc) -> byWeekday.add(group(d.name().toLowerCase(java.util.Locale.ROOT), sc)));
        List<Group> byMonth = new ArrayList<>();
        months.forEach((m, sc) -> byMonth.add(group(m.toString(), sc)));
        return new MoodStats(
                from,
                to,
                entries.size(),
                days.size(),
                entries.isEmpty() ? null : round(sum / (double) entries.size()),
                distribution,
                streaks(days.stream().map(MoodDay::date).toList(), today),
                byWeekday,
                byMonth,
                days.stream()
                        .map(d -> new Daily(d.date(), round(d.average()), d.entries()))
                        .toList());
    }

    /**
     * Runs of consecutive days with an entry (the days in order, each once); the current one ends today, or yesterday
     * when today has none yet.
     */
    static Streaks streaks(List<LocalDate> days, LocalDate today) {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate d : days) {
            run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = d;
        }
        int current = 0;
        if (previous != null && (previous.equals(today) || previous.equals(today.minusDays(1)))) {
            current = run;
        }
        return new Streaks(current, longest);
    }

    private static void add(int[] sumAndCount, int mood) {
        sumAndCount[0] += mood;
        sumAndCount[1]++;
    }

    private static Group group(String key, int[] sc) {
        return new Group(key, sc[1], round(sc[0] / (double) sc[1]));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
