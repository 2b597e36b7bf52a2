package io.wellbase.care.internal.breathing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A client's breathing sessions over a range, with their count, minutes, spread over techniques and mood change. */
record BreathingStats(
        LocalDate from,
        LocalDate to,
        int sessions,
        double minutes,
        int days,
        List<ByTechnique> byTechnique,
        @Nullable MoodChange moodChange,
        List<BreathingStore.Session> data) {

    record ByTechnique(String technique, int sessions, double minutes) {}

    /** Over the sessions with a mood both before and after. */
    record MoodChange(int sessions, double averageBefore, double averageAfter, double averageChange) {}

    static BreathingStats of(LocalDate from, LocalDate to, List<BreathingStore.Session> sessions) {
        Map<String, int[]> byTechnique = new TreeMap<>();
        long seconds = 0;
        int rated = 0;
        int before = 0;
        int after = 0;
        for (BreathingStore.Session s : sessions) {
            seconds += s.durationSeconds();
            int[] c = byTechnique.computeIfAbsent(s.technique(), k -> new int[2]);
            c[0]++;
            c[1] += s.durationSeconds();
            if (s.moodBefore() != null && s.moodAfter() != null) {
                rated++;
                before += s.moodBefore();
                after += s.moodAfter();
            }
        }
        List<ByTechnique> techniques = new ArrayList<>();
        byTechnique.forEach((t, c) -> techniques.add(new ByTechnique(t, c[0], minutes(c[1]))));
        MoodChange change = rated == 0
                ? null
                : new MoodChange(
                        rated,
                        round(before / (double) rated),
                        round(after / (double) rated),
                        round((after - before) / (double) rated));
        return new BreathingStats(
                from,
                to,
                sessions.size(),
                minutes(seconds),
                (int) sessions.stream()
                        .map(BreathingStore.Session::date)
                        .distinct()
                        .count(),
                techniques,
                change,
                sessions);
    }

    private static double minutes(long seconds) {
        return Math.round(seconds / 6.0) / 10.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
