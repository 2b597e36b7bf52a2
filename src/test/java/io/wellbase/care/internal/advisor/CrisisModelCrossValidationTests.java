package io.wellbase.care.internal.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The n-gram model's threshold, chosen on the training messages alone: five-fold cross-validation of the model by
 * itself (without the patterns, which were written from these messages), at several thresholds. The configured
 * threshold (0.3: the most recall before false alarms grow faster) must give the model at least 92 % recall on the folds it did not see.
 */
class CrisisModelCrossValidationTests {

    @Test
    void theThresholdIsChosenByCrossValidation() {
        List<CrisisModel.Example> all = new ArrayList<>(CrisisModel.load());
        Collections.shuffle(all, new Random(5));
        double[] thresholds = {0.5, 0.4, 0.3, 0.2, 0.1};
        int[] caught = new int[thresholds.length];
        int[] alarms = new int[thresholds.length];
        int crisis = 0;
        int safe = 0;
        int k = 5;
        for (int fold = 0; fold < k; fold++) {
            List<CrisisModel.Example> train = new ArrayList<>();
            List<CrisisModel.Example> test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                (i % k == fold ? test : train).add(all.get(i));
            }
            CrisisModel model = CrisisModel.trainedOn(train);
            for (CrisisModel.Example e : test) {
                double p = model.probability(e.features());
                if (e.crisis()) {
                    crisis++;
                } else {
                    safe++;
                }
                for (int t = 0; t < thresholds.length; t++) {
                    if (p >= thresholds[t]) {
                        if (e.crisis()) {
                            caught[t]++;
                        } else {
                            alarms[t]++;
                        }
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder("crisis model, 5-fold cross-validation on the training messages:\n");
        double chosen = Double.NaN;
        for (int t = 0; t < thresholds.length; t++) {
            table.append(String.format(
                    Locale.ROOT,
                    "  threshold %.2f: recall %d/%d (%.1f %%), false alarms %d/%d (%.1f %%)%n",
                    thresholds[t],
                    caught[t],
                    crisis,
                    100.0 * caught[t] / crisis,
                    alarms[t],
                    safe,
                    100.0 * alarms[t] / safe));
            if (thresholds[t] == CrisisModel.THRESHOLD) {
                chosen = caught[t] / (double) crisis;
            }
        }
        System.out.print(table);
        assertThat(chosen)
                .as("recall at the configured threshold " + CrisisModel.THRESHOLD)
                .isGreaterThanOrEqualTo(0.92);
    }
}
