package io.wellbase.care.internal.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in instruments score and band as their authors published: PHQ-9 0–27 in bands at 5, 10, 15 and 20
 * (Kroenke et al. 2001), GAD-7 0–21 at 5, 10 and 15 (Spitzer et al. 2006), WHO-5 as a percentage (raw × 4) with
 * ≤ 50 poor and ≤ 28 suggesting depression (Topp et al. 2015); every band boundary is checked from both sides.
 */
class InstrumentsTests {

    @Test
    void phq9BandsAtItsPublishedCutPoints() {
        assertThat(band(Instruments.PHQ9, 0)).isEqualTo("minimal");
        assertThat(band(Instruments.PHQ9, 4)).isEqualTo("minimal");
        assertThat(band(Instruments.PHQ9, 5)).isEqualTo("mild");
        assertThat(band(Instruments.PHQ9, 9)).isEqualTo("mild");
        assertThat(band(Instruments.PHQ9, 10)).isEqualTo("moderate");
        assertThat(band(Instruments.PHQ9, 14)).isEqualTo("moderate");
        assertThat(band(Instruments.PHQ9, 15)).isEqualTo("moderately_severe");
        assertThat(band(Instruments.PHQ9, 19)).isEqualTo("moderately_severe");
        assertThat(band(Instruments.PHQ9, 20)).isEqualTo("severe");
        assertThat(band(Instruments.PHQ9, 27)).isEqualTo("severe");
        assertThat(Instruments.PHQ9.score(Collections.nCopies(9, 3))).isEqualTo(27);
        assertThat(Instruments.PHQ9.items().get(8).loinc()).isEqualTo("44260-8");
    }

    @Test
    void gad7BandsAtItsPublishedCutPoints() {
        assertThat(band(Instruments.GAD7, 4)).isEqualTo("minimal");
        assertThat(band(Instruments.GAD7, 5)).isEqualTo("mild");
        assertThat(band(Instruments.GAD7, 9)).isEqualTo("mild");
        assertThat(band(Instruments.GAD7, 10)).isEqualTo("moderate");
        assertThat(band(Instruments.GAD7, 14)).isEqualTo("moderate");
        assertThat(band(Instruments.GAD7, 15)).isEqualTo("severe");
        assertThat(band(Instruments.GAD7, 21)).isEqualTo("severe");
        assertThat(Instruments.GAD7.score(Collections.nCopies(7, 3))).isEqualTo(21);
    }

    @Test
    void who5IsAPercentageWithTwoCutPoints() {
        assertThat(Instruments.WHO5.score(List.of(5, 5, 5, 5, 5))).isEqualTo(100);
        assertThat(Instruments.WHO5.score(List.of(3, 3, 3, 2, 2))).isEqualTo(52);
        assertThat(band(Instruments.WHO5, Instruments.WHO5.score(List.of(3, 3, 3, 2, 2))))
                .isEqualTo("good");
        assertThat(band(Instruments.WHO5, Instruments.WHO5.score(List.of(3, 3, 2, 2, 2))))
                .isEqualTo("poor"); // 48
        assertThat(band(Instruments.WHO5, 50)).isEqualTo("poor");
        assertThat(band(Instruments.WHO5, 29)).isEqualTo("poor");
        assertThat(band(Instruments.WHO5, Instruments.WHO5.score(List.of(2, 2, 1, 1, 1))))
                .isEqualTo("likely_depression"); // 28
        assertThat(band(Instruments.WHO5, 0)).isEqualTo("likely_depression");
    }

    @Test
    void everyPossibleTotalHasExactlyOneBand() {
        for (Instrument instrument : Instruments.ALL) {
            int max = instrument.items().size() * instrument.maxAnswer() * instrument.multiplier();
            for (int score = 0; score <= max; score += instrument.multiplier()) {
                int s = score;
                assertThat(instrument.bands().stream()
                                .filter(b -> s >= b.min() && s <= b.max())
                                .count())
                        .as(instrument.code() + " " + score)
                        .isEqualTo(1);
            }
            assertThat(instrument.bands().getLast().max()).as(instrument.code()).isEqualTo(max);
        }
    }

    private static String band(Instrument instrument, int score) {
        return instrument.band(score).code();
    }
}
