package io.wellbase.care.internal.mood;

import java.util.List;

/**
 * The difference of two groups' mean mood with its 95 % interval (Welch's t: unequal variances, the
 * Welch–Satterthwaite degrees of freedom, the t quantile rounded down to a tabulated one so the interval is never
 * too narrow).
 */
record Difference(
        int withDays,
        int withoutDays,
        double withMean,
        double withoutMean,
        double difference,
        double low,
        double high) {

    private static final double[] T975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
    };

    /** Whether the interval leaves out zero: the data show a difference. */
    boolean clear() {
        return low > 0 || high < 0;
    }

    static Difference of(List<Double> with, List<Double> without) {
        double m1 = mean(with);
        double m2 = mean(without);
        double v1 = variance(with, m1) / with.size();
        double v2 = variance(without, m2) / without.size();
        double se = Math.sqrt(v1 + v2);
        double d = m1 - m2;
        if (se == 0) {
            return new Difference(with.size(), without.size(), m1, m2, d, d, d);
        }
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (with.size() - 1) + v2 * v2 / (without.size() - 1));
        double t = t975(df);
        return new Difference(with.size(), without.size(), m1, m2, d, d - t * se, d + t * se);
    }

    static double t975(double df) {
        int k = (int) Math.floor(df);
        if (k < 1) {
            return T975[0];
        }
        if (k <= 30) {
            return T975[k - 1];
        }
        return k < 40 ? 2.042 : k < 60 ? 2.021 : k < 120 ? 2.000 : 1.980;
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double variance(List<Double> xs, double mean) {
        double s = 0;
        for (double x : xs) {
            s += (x - mean) * (x - mean);
        }
        return s / (xs.size() - 1);
    }
}
