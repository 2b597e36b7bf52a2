package io.wellbase.care.internal.assessments;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated questionnaire as data: its items, the answer scale every item shares, how the total is scored and
 * the severity bands of the total. {@code loinc} codes are the published LOINC codes (null where we know none).
 */
record Instrument(
        String code,
        String name,
        String prompt,
        @Nullable String loinc,
        @Nullable String totalLoinc,
        List<Item> items,
        List<Option> options,
        int multiplier,
        List<Band> bands,
        String source) {

    record Item(int number, String text, @Nullable String loinc) {}

    record Option(int value, String label) {}

    /** A band of the scored total, inclusive at both ends. */
    record Band(int min, int max, String code, String label) {}

    int minAnswer() {
        return options.getFirst().value();
    }

    int maxAnswer() {
        return options.getLast().value();
    }

    /** The scored total: the sum of the answers, times the multiplier (WHO-5 reports a percentage). */
    int score(List<Integer> answers) {
        return answers.stream().mapToInt(Integer::intValue).sum() * multiplier;
    }

    Band band(int score) {
        return bands.stream()
                .filter(b -> score >= b.min() && score <= b.max())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(code + " has no band for " + score));
    }
}
