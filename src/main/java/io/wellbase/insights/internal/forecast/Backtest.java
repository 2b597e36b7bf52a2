package io.wellbase.insights.internal.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * A method's errors by rolling origin over the series' own history: fit on the months before each origin,
 * forecast the next ones, compare with what happened. MASE scales the mean absolute error by the in-sample
 * mean absolute error of the seasonal naive forecast (so MASE < 1 beats it); sMAPE is the symmetric
 * percentage error; the spread of the errors per horizon gives the intervals.
 */
record Backtest(Method method, double mase, double smape, double[] rmseByHorizon, int origins) {

    static final int MIN_TRAINING = 6;

    static Backtest of(Method method, double[] y, int horizon, int m, int maxOrigins) {
        int firstOrigin = Math.max(MIN_TRAINING, y.length - maxOrigins);
        double absSum = 0;
        double smapeSum = 0;
        int count = 0;
        double[] sq = new double[horizon];
        int[] sqCount = new int[horizon];
        int origins = 0;
        for (int origin = firstOrigin; origin < y.length; origin++) {
            double[] train = java.util.Arrays.copyOf(y, origin);
            int h = Math.min(horizon, y.length - origin);
            double[] f = method.forecast(train, h, m);
            origins++;
            for (int i = 0; i < h; i++) {
                double actual = y[origin + i];
                double e = actual - f[i];
                absSum += Math.abs(e);
                double denominator = Math.abs(actual) + Math.abs(f[i]);
                smapeSum += denominator == 0 ? 0 : 200 * Math.abs(e) / denominator;
                count++;
                sq[i] += e * e;
                sqCount[i]++;
            }
        }
        double scale = naiveScale(y, m);
        double mae = count == 0 ? Double.NaN : absSum / count;
        double[] rmse = new double[horizon];
        double last = Double.NaN;
        for (int i = 0; i < horizon; i++) {
            rmse[i] = sqCount[i] == 0
                    ? (Double.isNaN(last) ? Double.NaN : last * Math.sqrt((i + 1.0) / i))
                    : Math.sqrt(sq[i] / sqCount[i]);
            last = rmse[i];
        }
        return new Backtest(
                method,
                scale == 0 ? Double.NaN : mae / scale,
                count == 0 ? Double.NaN : smapeSum / count,
                rmse,
                origins);
    }

    /** The in-sample mean absolute error of the seasonal naive one-step forecast (m = 1: the naive one). */
    static double naiveScale(double[] y, int m) {
        int season = y.length > m ? m : 1;
        double sum = 0;
        int n = 0;
        for (int t = season; t < y.length; t++) {
            sum += Math.abs(y[t] - y[t - season]);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    static List<Backtest> all(double[] y, int horizon, int m, int maxOrigins) {
        List<Backtest> list = new ArrayList<>();
        for (Method method : Method.values()) {
            list.add(of(method, y, horizon, m, maxOrigins));
        }
        return list;
    }
}
