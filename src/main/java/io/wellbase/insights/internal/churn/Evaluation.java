package io.wellbase.insights.internal.churn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** How well scores rank and calibrate against what happened: ROC AUC, precision in the top 10 %, Brier score. */
record Evaluation(double auc, double precisionAt10, double brier, int rows, int positives) {

    static Evaluation of(double[] scores, boolean[] outcome) {
        int n = scores.length;
        int positives = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            positives += outcome[i] ? 1 : 0;
            double y = outcome[i] ? 1 : 0;
            brier += (scores[i] - y) * (scores[i] - y);
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]));
        // AUC as the Mann–Whitney statistic, ties sharing their average rank
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (outcome[order[k]]) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        int negatives = n - positives;
        double auc = positives == 0 || negatives == 0
                ? Double.NaN
                : (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        int top = Math.max(1, (int) Math.ceil(n * 0.1));
        int hits = 0;
        for (int k = n - 1; k >= n - top && k >= 0; k--) {
            hits += outcome[order[k]] ? 1 : 0;
        }
        return new Evaluation(
                auc, n == 0 ? Double.NaN : hits / (double) top, n == 0 ? Double.NaN : brier / n, n, positives);
    }
}
