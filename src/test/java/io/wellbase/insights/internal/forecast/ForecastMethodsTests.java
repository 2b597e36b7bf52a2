package io.wellbase.insights.internal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecastMethodsTests {

    @Test
    void aFlatSeriesIsForecastFlatByEveryMethod() {
        double[] y = new double[18];
        java.util.Arrays.fill(y, 500);
        for (Method m : Method.values()) {
            double[] f = m.forecast(y, 3, 1);
            for (double v : f) {
                assertThat(v).as(m.key()).isCloseTo(500, within(1e-6));
            }
        }
    }

    @Test
    void theSeasonalNaiveForecastRepeatsLastYear() {
        double[] y = new double[24];
        for (int t = 0; t < 24; t++) {
            y[t] = 1000 + 100 * (t % 12);
        }
        double[] f = Method.SEASONAL_NAIVE.forecast(y, 14, 12);
        assertThat(f[0]).isEqualTo(1000);
        assertThat(f[11]).isEqualTo(2100);
        assertThat(f[12]).isEqualTo(1000);
        // a series that repeats exactly has no in-sample naive error to scale by: MASE is undefined, not 0
        assertThat(Backtest.of(Method.SEASONAL_NAIVE, y, 3, 12, 12).mase()).isNaN();
    }

    @Test
    void aTrendIsFollowedByTheTrendMethodsAndMissedBySmoothingAlone() {
        double[] y = new double[20];
        for (int t = 0; t < 20; t++) {
            y[t] = 100 + 10 * t;
        }
        double next = 300;
        assertThat(Method.DAMPED_TREND.forecast(y, 1, 1)[0]).isCloseTo(next, within(5.0));
        assertThat(Method.THETA.forecast(y, 1, 1)[0])
                .isGreaterThan(Method.EXPONENTIAL_SMOOTHING.forecast(y, 1, 1)[0]);
        Backtest damped = Backtest.of(Method.DAMPED_TREND, y, 3, 1, 12);
        Backtest ses = Backtest.of(Method.EXPONENTIAL_SMOOTHING, y, 3, 1, 12);
        assertThat(damped.mase()).isLessThan(ses.mase()).isLessThan(1.5);
    }

    @Test
    void seasonalityWithNoiseIsBestForecastBySeasonallyAdjustedMethods() {
        Random random = new Random(7);
        double[] y = new double[36];
        for (int t = 0; t < 36; t++) {
            y[t] = (10_000 + 50 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) + random.nextGaussian() * 200;
        }
        List<Backtest> tests = Backtest.all(y, 3, 12, 12);
        Backtest best =
                tests.stream().min(Comparator.comparingDouble(Backtest::mase)).orElseThrow();
        assertThat(best.method()).isNotEqualTo(Method.SEASONAL_NAIVE);
        assertThat(best.mase()).isLessThan(1);
        assertThat(best.smape()).isLessThan(10);
        for (Backtest t : tests) {
            assertThat(t.rmseByHorizon()[0]).as(t.method().key()).isPositive();
        }
    }

    @Test
    void neverForecastsNegativeRevenue() {
        double[] y = {900, 800, 700, 600, 500, 400, 300, 200, 100, 50};
        for (Method m : Method.values()) {
            for (double v : m.forecast(y, 12, 1)) {
                assertThat(v).as(m.key()).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
