package io.wellbase.insights.internal.churn;

import java.util.List;

/**
 * A trained logistic regression as stored: each feature standardised with the training set's mean and
 * standard deviation, then p(leaves) = 1 / (1 + e^-(bias + Σ weight·z)).
 */
record LinearModel(double[] means, double[] stds, double[] weights, double bias) {

    double probability(double[] values) {
        double a = bias;
        for (int i = 0; i < weights.length; i++) {
            a += weights[i] * z(values, i);
        }
        return 1 / (1 + Math.exp(-a));
    }

    /** How much each feature pushed this client's score up (positive) or down, on the log-odds scale. */
    double[] contributions(double[] values) {
        double[] c = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            c[i] = weights[i] * z(values, i);
        }
        return c;
    }

    private double z(double[] values, int i) {
        return stds[i] == 0 ? 0 : (values[i] - means[i]) / stds[i];
    }

    /** Means and standard deviations of each column of the rows. */
    static double[][] standardisation(List<Features> rows) {
        int n = Features.NAMES.size();
        double[] mean = new double[n];
        double[] std = new double[n];
        for (Features f : rows) {
            for (int i = 0; i < n; i++) {
                mean[i] += f.values()[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= Math.max(rows.size(), 1);
        }
        for (Features f : rows) {
            for (int i = 0; i < n; i++) {
                double d = f.values()[i] - mean[i];
                std[i] += d * d;
            }
        }
        for (int i = 0; i < n; i++) {
            std[i] = Math.sqrt(std[i] / Math.max(rows.size() - 1, 1));
        }
        return new double[][] {mean, std};
    }
}
