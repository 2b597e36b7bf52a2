package io.wellbase.insights.internal.forecast;

import io.wellbase.insights.internal.semantic.CheckedSpec;
import io.wellbase.insights.internal.semantic.Dimension;
import io.wellbase.insights.internal.semantic.Metric;
import io.wellbase.insights.internal.semantic.QueryResult;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Monthly revenue ahead: the organization's own monthly revenue (through the semantic layer, complete months
 * only), every method back-tested by rolling origin, the one with the lowest MASE used unless none beats the
 * seasonal naive forecast (MASE below 1), intervals from the back-test's errors per month ahead, and the
 * renewals already scheduled beside each month.
 */
@Component
public class RevenueForecast {

    static final int HISTORY_MONTHS = 36;
    static final int MIN_HISTORY = 6;
    static final int MAX_ORIGINS = 12;

    public record Month(
            LocalDate month,
            long revenue,
            @Nullable Long low80,
            @Nullable Long high80,
            @Nullable Long low95,
            @Nullable Long high95,
            long scheduledRenewals,
            long expected) {}

    public record Past(LocalDate month, long revenue) {}

    public record Score(
            String method, @Nullable Double mase, @Nullable Double smape, int origins) {}

    public record Answer(
            String currency,
            String method,
            List<Score> backtest,
            List<Past> history,
            List<Month> forecast,
            String note) {}

    private final SemanticQueries queries;
    private final JdbcClient jdbc;

    RevenueForecast(SemanticQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    public Answer forecast(SemanticQueries.Scope scope, int months) {
        LocalDate thisMonth = scope.today().withDayOfMonth(1);
        List<Past> history = history(scope, thisMonth);
        double[] y = history.stream().mapToDouble(Past::revenue).toArray();
        Map<LocalDate, Long> scheduled = scheduled(scope, thisMonth, months);
        List<Month> ahead = new ArrayList<>();
        if (y.length < MIN_HISTORY) {
            double mean =
                    y.length == 0 ? 0 : java.util.Arrays.stream(y).average().orElse(0);
            for (int i = 0; i < months; i++) {
                LocalDate m = thisMonth.plusMonths(i);
                long s = scheduled.getOrDefault(m, 0L);
                ahead.add(new Month(m, Math.round(mean), null, null, null, null, s, Math.max(Math.round(mean), s)));
            }
            return new Answer(
                    scope.currency(),
                    "mean",
                    List.of(),
                    history,
                    ahead,
                    "Only %d complete months of revenue: the forecast is their mean, with no back-test or intervals."
                            .formatted(y.length));
        }
        int season = y.length >= 24 ? 12 : 1;
        List<Backtest> tests = Backtest.all(y, Math.min(months, 12), season, MAX_ORIGINS);
        Backtest best = tests.stream()
                .filter(t -> Double.isFinite(t.mase()))
                .min(Comparator.comparingDouble(Backtest::mase))
                .orElse(tests.getFirst());
        String note;
        Backtest naive = tests.stream()
                .filter(t -> t.method() == Method.SEASONAL_NAIVE)
                .findFirst()
                .orElseThrow();
        if (!Double.isFinite(best.mase()) || best.mase() >= 1) {
            note =
                    "No method beat the seasonal naive forecast in the back-test (best MASE %s): seasonal naive is shown."
                            .formatted(Double.isFinite(best.mase()) ? "%.2f".formatted(best.mase()) : "n/a");
            best = naive;
        } else {
            note = "%s had the lowest back-tested MASE (%.2f) over %d origins; %s."
                    .formatted(
                            best.method().key(),
                            best.mase(),
                            best.origins(),
                            season == 12
                                    ? "monthly seasonality from two or more years"
                                    : "no seasonality (under two years)");
        }
        double[] f = best.method().forecast(y, months, season);
        for (int i = 0; i < months; i++) {
            LocalDate m = thisMonth.plusMonths(i);
            double sigma = sigma(best.rmseByHorizon(), i);
            long point = Math.round(f[i]);
            long s = scheduled.getOrDefault(m, 0L);
            ahead.add(new Month(
                    m,
                    point,
                    bound(f[i] - 1.2816 * sigma, sigma),
                    bound(f[i] + 1.2816 * sigma, sigma),
                    bound(f[i] - 1.96 * sigma, sigma),
                    bound(f[i] + 1.96 * sigma, sigma),
                    s,
                    Math.max(point, s)));
        }
        List<Score> scores = tests.stream()
                .map(t -> new Score(t.method().key(), finite(t.mase()), finite(t.smape()), t.origins()))
                .toList();
        return new Answer(scope.currency(), best.method().key(), scores, history, ahead, note);
    }

    /** The back-test's error spread for a month ahead, widening with the square root of the horizon past it. */
    private static double sigma(double[] rmse, int i) {
        if (i < rmse.length && Double.isFinite(rmse[i])) {
            return rmse[i];
        }
        int last = rmse.length - 1;
        while (last >= 0 && !Double.isFinite(rmse[last])) {
            last--;
        }
        return last < 0 ? 0 : rmse[last] * Math.sqrt((i + 1.0) / (last + 1.0));
    }

    private static @Nullable Long bound(double v, double sigma) {
        return Double.isFinite(sigma) ? Math.max(0, Math.round(v)) : null;
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null;
    }

    /** Complete months of revenue, from the first month with any up to last month (at most 36). */
    private List<Past> history(SemanticQueries.Scope scope, LocalDate thisMonth) {
        LocalDate from = thisMonth.minusMonths(HISTORY_MONTHS);
        LocalDate to = thisMonth.minusDays(1);
        CheckedSpec spec = new CheckedSpec(
                List.of(Metric.REVENUE), List.of(Dimension.MONTH), Map.of(), from, to, null, false, 1000);
        if (!(queries.run(scope, spec) instanceof SemanticQueries.Answered answered)) {
            return List.of();
        }
        QueryResult result = answered.result();
        List<Past> months = new ArrayList<>();
        boolean started = false;
        for (Map<String, @Nullable Object> row : result.rows()) {
            long revenue = row.get("revenue") instanceof Long l ? l : 0L;
            started |= revenue > 0;
            if (started) {
                months.add(new Past(LocalDate.parse(String.valueOf(row.get("month"))), revenue));
            }
        }
        return months;
    }

    /**
     * Renewals already scheduled in each month ahead: charges recorded as due, and the next renewal of each active
     * membership whose plan renews by itself and which ends within the horizon (at the plan's price).
     */
    private Map<LocalDate, Long> scheduled(SemanticQueries.Scope scope, LocalDate thisMonth, int months) {
        Map<LocalDate, Long> byMonth = new HashMap<>();
        LocalDate end = thisMonth.plusMonths(months);
        jdbc.sql("""
                SELECT date_trunc('month', month)::date AS month, sum(amount) AS amount FROM (
                    SELECT c.period_start AS month, c.amount
                    FROM report_membership_charges c
                    WHERE c.org_id = :org AND c.status = 'due' AND c.currency = :currency
                      AND c.period_start >= :from AND c.period_start < :end
                    UNION ALL
                    SELECT m.ends_on + 1, p.price_amount
                    FROM report_client_memberships m
                    JOIN report_membership_plans p ON p.org_id = :org AND p.id = m.plan_id
                    WHERE m.org_id = :org AND m.status = 'active' AND p.auto_renew AND p.currency = :currency
                      AND m.ends_on + 1 >= greatest(:from, :today) AND m.ends_on + 1 < :end
                      AND NOT EXISTS (SELECT 1 FROM report_membership_charges c
                                      WHERE c.org_id = :org AND c.membership_id = m.id AND c.period_start = m.ends_on + 1)
                ) due
                GROUP BY 1
                """)
                .param("org", scope.orgId())
                .param("currency", scope.currency())
                .param("from", thisMonth)
                .param("today", scope.today())
                .param("end", end)
                .query(rs -> {
                    byMonth.put(rs.getObject("month", LocalDate.class), rs.getLong("amount"));
                });
        return byMonth;
    }
}
