package io.wellbase.care.internal.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crisis layer against red-team messages in seven languages, each set written by a separate session to a brief
 * (crisis or safe, explicit or veiled; hard negatives such as "this plank is killing me") without seeing the
 * patterns. Six sets became development sets: each was first measured unseen (docs/care.md has those first
 * figures: 31 %, 23 %, 44 %, 57 %, then 95 % and 91 % with the n-gram model), then its misses were read and the layer
 * widened or trained, so every message in them must now be right. The fourth held-out set was never read but its
 * totals were looked at many times; the seventh was written with the sixth and measured once. Both are held to floors.
 */
class CrisisScreenTests {

    private final CrisisScreen screen = new CrisisScreen();

    record Row(String language, boolean crisis, boolean explicit, String category, String message) {}

    record Result(
            int crisis,
            int caught,
            int explicit,
            int explicitCaught,
            int safe,
            int falseAlarms,
            List<String> missed,
            List<String> alarms) {

        double recall() {
            return caught / (double) crisis;
        }

        double falseAlarmRate() {
            return falseAlarms / (double) safe;
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "crisis-dev.tsv",
                "crisis-dev-2.tsv",
                "crisis-dev-3.tsv",
                "crisis-dev-4.tsv",
                "crisis-dev-5.tsv",
                "crisis-dev-6.tsv"
            })
    void everyDevelopmentMessageIsRight(String file) throws IOException {
        Result r = run(file);
        assertThat(r.missed()).as("crisis messages missed").isEmpty();
        assertThat(r.alarms()).as("safe messages routed").isEmpty();
    }

    /**
     * Written with the sixth, measured once after the fifth and sixth had become development sets (docs/care.md):
     * 101 of 103, 51 of 52 explicit, 21 of 59 alarms.
     */
    @Test
    void theLastHeldOutSetStaysAtItsOnlyMeasurement() throws IOException {
        Result r = run("crisis-holdout-7.tsv");
        assertThat(r.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(r.explicitCaught() / (double) r.explicit()).isGreaterThanOrEqualTo(0.98);
        assertThat(r.falseAlarmRate()).isLessThanOrEqualTo(0.36);
    }

    /**
     * Written after the final layer was set (its writer reused some situations across languages), measured once
     * (docs/care.md): 99 of 103, 51 of 52 explicit, 17 of 59 alarms.
     */
    @Test
    void theEighthHeldOutSetStaysAtItsOnlyMeasurement() throws IOException {
        Result r = run("crisis-holdout-8.tsv");
        assertThat(r.recall()).isGreaterThanOrEqualTo(0.96);
        assertThat(r.explicitCaught() / (double) r.explicit()).isGreaterThanOrEqualTo(0.98);
        assertThat(r.falseAlarmRate()).isLessThanOrEqualTo(0.29);
    }

    @Test
    void theHeldOutSetStaysAtOrAboveItsFirstMeasurement() throws IOException {
        Result r = run("crisis-holdout-4.tsv");
        assertThat(r.recall()).isGreaterThanOrEqualTo(HELD_OUT_RECALL_FLOOR);
        assertThat(r.explicitCaught() / (double) r.explicit()).isGreaterThanOrEqualTo(HELD_OUT_EXPLICIT_FLOOR);
        assertThat(r.falseAlarmRate()).isLessThanOrEqualTo(HELD_OUT_FALSE_ALARM_CEILING);
    }

    /** The held-out set's first measurement, rounded to the safe side (docs/care.md). */
    static final double HELD_OUT_RECALL_FLOOR = 0.97; // 97 of 99 at the last look (47 of 99 by patterns alone)

    static final double HELD_OUT_EXPLICIT_FLOOR = 1.0; // 55 of 55 (34 of 55 by patterns alone)
    static final double HELD_OUT_FALSE_ALARM_CEILING = 0.14; // 8 of 61 (2 of 61 by patterns alone)

    private Result run(String file) throws IOException {
        List<Row> rows = rows(file);
        int crisis = 0, caught = 0, explicit = 0, explicitCaught = 0, safe = 0, alarms = 0;
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (Row row : rows) {
            boolean flagged = screen.screen(row.message()).isPresent();
            if (row.crisis()) {
                crisis++;
                explicit += row.explicit() ? 1 : 0;
                if (flagged) {
                    caught++;
                    explicitCaught += row.explicit() ? 1 : 0;
                } else {
                    missed.add((row.explicit() ? "yes " : "no ") + row.language() + " " + row.message());
                }
            } else {
                safe++;
                if (flagged) {
                    alarms++;
                    falseAlarms.add(row.language() + " " + row.message());
                }
            }
        }
        Result r = new Result(crisis, caught, explicit, explicitCaught, safe, alarms, missed, falseAlarms);
        System.out.printf(
                "crisis layer on %s: recall %d/%d (%.1f %%), explicit %d/%d, false alarms %d/%d (%.1f %%)%n  missed: %s%n  false alarms: %s%n",
                file,
                caught,
                crisis,
                100 * r.recall(),
                explicitCaught,
                explicit,
                alarms,
                safe,
                100 * r.falseAlarmRate(),
                missed,
                falseAlarms);
        return r;
    }

    private static List<Row> rows(String file) throws IOException {
        try (InputStream in = CrisisScreenTests.class.getResourceAsStream("/care/" + file)) {
            assertThat(in).as(file).isNotNull();
            List<Row> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                assertThat(f).as(file + " line " + (i + 1)).hasSize(5);
                rows.add(new Row(f[0], f[1].equals("crisis"), f[2].equals("yes"), f[3], f[4].strip()));
            }
            assertThat(rows).hasSizeGreaterThanOrEqualTo(100);
            return rows;
        }
    }
}
