package io.wellbase.insights.internal.forecast;

import java.util.Arrays;

/**
 * The forecasting methods compared by back-test, each fitting a monthly series and forecasting h months ahead:
 * seasonal naive (last year's month, or last month with under two years), simple exponential smoothing,
 * damped additive trend (Holt), and the Theta method (SES with half the linear trend), the last three on the
 * seasonally adjusted series when there are two full years, the seasonality put back after.
 */
enum Method {
    SEASONAL_NAIVE("seasonal_naive"),
    EXPONENTIAL_SMOOTHING("exponential_smoothing"),
    DAMPED_TREND("damped_trend"),
    THETA("theta");

    private final String key;

    Method(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Forecasts {@code h} values after {@code y} with {@code m} the season length (12, or 1 for none). */
    double[] forecast(double[] y, int h, int m) {
        if (this == SEASONAL_NAIVE) {
            double[] f = new double[h];
            int season = y.length >= m ? m : 1;
            for (int i = 0; i < h; i++) {
                f[i] = y[y.length - season + (i % season)];
            }
            return f;
        }
        double[] index = m > 1 && y.length >= 2 * m ? seasonalIndex(y, m) : null;
        double[] adjusted = index == null ? y : adjust(y, index, true, 0);
        double[] f = switch (this) {
            case EXPONENTIAL_SMOOTHING -> ses(adjusted, h);
            case DAMPED_TREND -> damped(adjusted, h);
            case THETA -> theta(adjusted, h);
            default -> throw new IllegalStateException();
        };
        if (index != null) {
            f = adjust(f, index, false, y.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.max(0, f[i]);
        }
        return f;
    }

    /** Simple exponential smoothing with the smoothing weight that minimises one-step squared errors. */
    static double[] ses(double[] y, int h) {
        double[] f = new double[h];
        Arrays.fill(f, sesFit(y)[0]);
        return f;
    }

    /** The final level and the chosen weight of simple exponential smoothing. */
    static double[] sesFit(double[] y) {
        double best = Double.MAX_VALUE;
        double level = y[0];
        double chosen = 0.5;
        for (double alpha = 0.05; alpha <= 0.951; alpha += 0.05) {
            double l = y[0];
            double sse = 0;
            for (int t = 1; t < y.length; t++) {
                double e = y[t] - l;
                sse += e * e;
                l = l + alpha * e;
            }
            if (sse < best) {
                best = sse;
                level = l;
                chosen = alpha;
            }
        }
        return new double[] {level, chosen};
    }

    /** Holt's additive trend, damped (φ = 0.9), weights chosen by one-step squared errors on a small grid. */
    static double[] damped(double[] y, int h) {
        double phi = 0.9;
        if (y.length < 3) {
            return ses(y, h);
        }
        double best = Double.MAX_VALUE;
        double level = y[0];
        double trend = 0;
        for (double alpha = 0.1; alpha <= 0.91; alpha += 0.1) {
            for (double beta = 0.05; beta <= 0.51; beta += 0.05) {
                double l = y[0];
                double b = y[1] - y[0];
                double sse = 0;
                for (int t = 1; t < y.length; t++) {
                    double predicted = l + phi * b;
                    double e = y[t] - predicted;
                    sse += e * e;
                    double previous = l;
                    l = predicted + alpha * e;
                    b = phi * b + beta * (l - previous - phi * b);
                }
                if (sse < best) {
                    best = sse;
                    level = l;
                    trend = b;
                }
            }
        }
        double[] f = new double[h];
        double damp = 0;
        for (int i = 0; i < h; i++) {
            damp += Math.pow(phi, i + 1);
            f[i] = level + damp * trend;
        }
        return f;
    }

    /** The Theta method: the SES forecast with drift of half the least-squares slope (the classic theta = 2). */
    static double[] theta(double[] y, int h) {
        int n = y.length;
        double meanT = (n - 1) / 2.0;
        double meanY = Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int t = 0; t < n; t++) {
            num += (t - meanT) * (y[t] - meanY);
            den += (t - meanT) * (t - meanT);
        }
        double slope = den == 0 ? 0 : num / den;
        double[] fit = sesFit(y);
        double alpha = fit[1];
        double[] f = new double[h];
        for (int i = 0; i < h; i++) { // Hyndman & Billah (2003): ℓ + b/2 · (h − 1 + 1/α − (1 − α)^n / α)
            int ahead = i + 1;
            f[i] = fit[0] + slope / 2 * (ahead - 1 + 1 / alpha - Math.pow(1 - alpha, n) / alpha);
        }
        return f;
    }

    /** Multiplicative seasonal indices by classical decomposition (centred moving average), averaging 1. */
    static double[] seasonalIndex(double[] y, int m) {
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = m / 2; t < y.length - m / 2; t++) {
            double ma = 0;
            for (int k = -m / 2; k <= m / 2; k++) {
                double w = Math.abs(k) == m / 2 && m % 2 == 0 ? 0.5 : 1;
                ma += w * y[t + k];
            }
            ma /= m;
            if (ma > 0) {
                sum[t % m] += y[t] / ma;
                count[t % m]++;
            }
        }
        double[] index = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            index[i] = count[i] == 0 ? 1 : sum[i] / count[i];
            total += index[i];
        }
        for (int i = 0; i < m; i++) {
            index[i] = total == 0 ? 1 : index[i] * m / total;
            if (index[i] <= 0) {
                index[i] = 1;
            }
        }
        return index;
    }

    /** Divides (or multiplies back) by the index of each value's month; {@code offset} is the first one's place. */
    private static double[] adjust(double[] values, double[] index, boolean divide, int offset) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double s = index[(offset + i) % index.length];
            out[i] = divide ? values[i] / s : values[i] * s;
        }
        return out;
    }
}
