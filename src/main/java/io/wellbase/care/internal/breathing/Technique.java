package io.wellbase.care.internal.breathing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A breathing technique as data: phases of a cycle, each an action held for some seconds, and how many cycles
 * make one round. {@code builtIn} ones are the same for every organization; an organization may add its own.
 */
public record Technique(
        String code,
        String name,
        @Nullable String description,
        List<Phase> phases,
        int cycles,
        boolean builtIn,
        @Nullable String source) {

    /** One step of a cycle: inhale, hold, exhale (or a second, topping-up inhale), for so many seconds. */
    public record Phase(String action, double seconds) {}

    static final List<String> ACTIONS = List.of("inhale", "hold", "exhale");

    double cycleSeconds() {
        return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    /** Breaths a minute at this pace (one cycle is one breath). */
    double breathsPerMinute() {
        return Math.round(600 / cycleSeconds()) / 10.0;
    }

    public static final List<Technique> BUILT_IN = List.of(
            new Technique(
                    "cyclic_sighing",
                    "Cyclic sighing",
                    "Two inhales through the nose (the second short, to fill the lungs), then a long exhale through the"
                            + " mouth; five minutes a day.",
                    List.of(new Phase("inhale", 2), new Phase("inhale", 1), new Phase("exhale", 6)),
                    33,
                    true,
                    "Balban MY et al. Cell Rep Med 2023;4:100895"),
            new Technique(
                    "box",
                    "Box breathing",
                    "Inhale, hold, exhale and hold again, four seconds each.",
                    List.of(new Phase("inhale", 4), new Phase("hold", 4), new Phase("exhale", 4), new Phase("hold", 4)),
                    15,
                    true,
                    null),
            new Technique(
                    "4-7-8",
                    "4-7-8 breathing",
                    "Inhale for 4 seconds, hold for 7, exhale for 8; four cycles.",
                    List.of(new Phase("inhale", 4), new Phase("hold", 7), new Phase("exhale", 8)),
                    4,
                    true,
                    null),
            new Technique(
                    "resonance",
                    "Resonance breathing",
                    "Six breaths a minute: inhale for 5 seconds, exhale for 5.",
                    List.of(new Phase("inhale", 5), new Phase("exhale", 5)),
                    60,
                    true,
                    "Lehrer PM, Gevirtz R. Front Psychol 2014;5:756"));
}
