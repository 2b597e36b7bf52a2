package io.wellbase.care.internal.mood;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One day's mood: the average of the day's entries, as the statistics and insights count it. */
record MoodDay(LocalDate date, double average, int entries) {

    /** The entries' days, oldest first. */
    static List<MoodDay> of(List<MoodStore.Entry> entries) {
        Map<LocalDate, int[]> byDay = new TreeMap<>();
        for (MoodStore.Entry e : entries) {
            int[] sumAndCount = byDay.computeIfAbsent(e.date(), d -> new int[2]);
            sumAndCount[0] += e.mood();
            sumAndCount[1]++;
        }
        List<MoodDay> days = new ArrayList<>(byDay.size());
        byDay.forEach((d, sc) -> days.add(new MoodDay(d, sc[0] / (double) sc[1], sc[1])));
        return days;
    }
}
