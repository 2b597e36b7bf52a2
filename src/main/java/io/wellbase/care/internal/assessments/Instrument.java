package io.wellbase.care.internal.assessments;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A questionnaire as data: its items, the answer scale every item shares, how the total is scored and the bands of
 * the total. The built-in ones are validated instruments with their published LOINC codes (null where we know none);
 * an organization's own (intake forms) may reverse-score items.
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
        String source,
        boolean builtIn) {

    /** An item; a reversed one scores the scale backwards (the lowest answer counts as the highest). */
    record Item(int number, String text, @Nullable String loinc, boolean reverse) {

        Item(int number, String text, @Nullable String loinc) {
            this(number, text, loinc, false);
        }
    }

    record Option(int value, String label) {}

    /** A band of the scored total, inclusive at both ends. */
    record Band(int min, int max, String code, String label) {}

    int minAnswer() {
        return options.getFirst().value();
    }

    int maxAnswer() {
        return options.getLast().value();
    }

    /** The scored total: the sum of the answers (reversed items backwards), times the multiplier (WHO-5: %). */
    int score(List<Integer> answers) {
        int sum = 0;
        for (int i = 0; i < answers.size(); i++) {
            int a = answers.get(i);
            sum += items.get(i).reverse() ? minAnswer() + maxAnswer() - a : a;
        }
        return sum * multiplier;
    }

    int minTotal() {
        return items.size() * minAnswer() * multiplier;
    }

    int maxTotal() {
        return items.size() * maxAnswer() * multiplier;
    }

    Band band(int score) {
        return bands.stream()
                .filter(b -> score >= b.min() && score <= b.max())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(code + " has no band for " + score));
    }
}
