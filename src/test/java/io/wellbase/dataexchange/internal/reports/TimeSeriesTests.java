package io.wellbase.dataexchange.internal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimeSeriesTests {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void sixtyDaysStayDailyAndEmptyDaysAreZero() {
        TimeSeries series = TimeSeries.of(day("2026-01-01"), day("2026-03-01"), Map.of(day("2026-01-03"), 4L));
        assertThat(series.step()).isEqualTo(TimeSeries.Step.DAY);
        assertThat(series.categories())
                .hasSize(60)
                .startsWith("2026-01-01", "2026-01-02", "2026-01-03")
                .endsWith("2026-03-01");
        assertThat(series.values().get(2)).isEqualByComparingTo("4");
        assertThat(series.values().stream().filter(v -> v.signum() == 0)).hasSize(59);
    }

    @Test
    void sixtyOneDaysBecomeWeeksFromMondayEvenWhenThePeriodStartsMidWeek() {
        // 2026-01-01 is a Thursday: the first week is Monday 2025-12-29, holding only its last four days
        Map<LocalDate, Long> daily = Map.of(
                day("2025-12-31"),
                100L,
                day("2026-01-01"),
                1L,
                day("2026-01-04"),
                2L,
                day("2026-01-05"),
                3L,
                day("2026-03-02"),
                5L,
                day("2026-03-03"),
                100L);
        TimeSeries series = TimeSeries.of(day("2026-01-01"), day("2026-03-02"), daily);
        assertThat(series.step()).isEqualTo(TimeSeries.Step.WEEK);
        assertThat(series.categories())
                .startsWith("2025-12-29", "2026-01-05")
                .endsWith("2026-03-02")
                .hasSize(10);
        assertThat(series.values().get(0))
                .as("days outside the period are left out")
                .isEqualByComparingTo("3");
        assertThat(series.values().get(1)).isEqualByComparingTo("3");
        assertThat(series.values().get(9)).isEqualByComparingTo("5");
        assertThat(series.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("11");
    }

    @Test
    void aLeapYearIsFiftyThreeWeeksAndTheLeapDayCountsInItsWeek() {
        Map<LocalDate, BigDecimal> daily = new TreeMap<>();
        for (LocalDate d = day("2024-01-01"); d.getYear() == 2024; d = d.plusDays(1)) {
            daily.put(d, new BigDecimal("1.50"));
        }
        TimeSeries series = TimeSeries.of(day("2024-01-01"), day("2024-12-31"), daily);
        assertThat(series.step()).isEqualTo(TimeSeries.Step.WEEK);
        assertThat(series.categories()).hasSize(53).startsWith("2024-01-01").endsWith("2024-12-30");
        int leapWeek = series.categories().indexOf("2024-02-26");
        assertThat(series.values().get(leapWeek)).isEqualByComparingTo("10.50");
        assertThat(series.values().get(52))
                .as("Monday and Tuesday of the last week")
                .isEqualByComparingTo("3.00");
        assertThat(series.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("549.00");
    }

    @Test
    void moreThanSixtyWeeksBecomeMonthsWithFebruaryOfALeapYearWhole() {
        Map<LocalDate, Long> daily = new TreeMap<>();
        for (LocalDate d = day("2023-06-15"); !d.isAfter(day("2024-12-31")); d = d.plusDays(1)) {
            daily.put(d, 1L);
        }
        TimeSeries series = TimeSeries.of(day("2023-06-15"), day("2024-12-31"), daily);
        assertThat(series.step()).isEqualTo(TimeSeries.Step.MONTH);
        assertThat(series.categories()).hasSize(19).startsWith("2023-06").endsWith("2024-12");
        assertThat(series.values().get(0)).as("a period starting mid-month").isEqualByComparingTo("16");
        assertThat(series.values().get(series.categories().indexOf("2024-02"))).isEqualByComparingTo("29");
    }

    @Test
    void anEmptyPeriodHasZeroPoints() {
        TimeSeries series = TimeSeries.of(day("2026-01-01"), day("2026-12-31"), Map.of());
        assertThat(series.categories()).hasSize(53);
        assertThat(series.values()).allMatch(v -> v.signum() == 0);
        TimeSeries oneDay = TimeSeries.of(day("2026-02-28"), day("2026-02-28"), Map.of());
        assertThat(oneDay.categories()).containsExactly("2026-02-28");
    }
}
