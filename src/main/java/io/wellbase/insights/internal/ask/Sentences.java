package io.wellbase.insights.internal.ask;

import io.wellbase.insights.internal.semantic.Dimension;
import io.wellbase.insights.internal.semantic.Figures;
import io.wellbase.insights.internal.semantic.Metric;
import io.wellbase.insights.internal.semantic.QueryResult;
import io.wellbase.insights.internal.semantic.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An answer's sentence and chart kind, from the result it summarises. */
final class Sentences {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Sentences() {}

    /** The chart that suits the result: a number, a line over time, bars of one split, or a table. */
    static String chart(QueryResult result) {
        List<String> dims = result.spec().dimensions();
        if (dims == null || dims.isEmpty()) {
            return "number";
        }
        if (dims.size() == 1) {
            return Dimension.byKey(dims.get(0)).map(Dimension::isTime).orElse(false) ? "line" : "bar";
        }
        return "table";
    }

    static String of(QueryResult result, @Nullable QueryResult compared) {
        List<String> metrics = result.spec().metrics();
        Metric first = Metric.byKey(metrics.get(0)).orElseThrow();
        String period = period(result);
        List<String> dims = result.spec().dimensions();
        if (dims == null || dims.isEmpty()) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < metrics.size(); i++) {
                Metric m = Metric.byKey(metrics.get(i)).orElseThrow();
                s.append(i == 0 ? "" : "; ")
                        .append(m.label())
                        .append(": ")
                        .append(format(m, result.first(m), result.currency()));
                if (compared != null) {
                    s.append(" against ")
                            .append(format(m, compared.first(m), result.currency()))
                            .append(" ")
                            .append(period(compared))
                            .append(change(result.first(m), compared.first(m)));
                }
            }
            return s.append(" ").append(period).append('.').toString().replace("  ", " ");
        }
        if (result.rows().isEmpty()) {
            return "No " + first.label().toLowerCase(Locale.ROOT) + " " + period + ".";
        }
        Dimension d = Dimension.byKey(dims.get(0)).orElseThrow();
        Map<String, @Nullable Object> top = result.rows().get(0);
        if (d.isTime()) {
            return first.label() + " per " + d.key() + " " + period + ": "
                    + result.rows().size() + " periods.";
        }
        String leader = String.valueOf(top.get(d.key()));
        String sort = result.spec().sort();
        boolean ascending = sort != null && !sort.startsWith("-");
        String rank = ascending ? "the lowest" : "the highest";
        if (result.rows().size() == 1 && sort != null) {
            return leader + " had " + rank + " " + first.label().toLowerCase(Locale.ROOT) + " " + period + ": "
                    + format(first, top.get(first.key()), result.currency()) + ".";
        }
        return first.label() + " by " + d.label().toLowerCase(Locale.ROOT) + " " + period + ": " + leader + " "
                + (sort == null || !ascending ? "leads" : "is lowest") + " with "
                + format(first, top.get(first.key()), result.currency()) + " ("
                + result.rows().size() + " rows).";
    }

    private static String period(QueryResult result) {
        LocalDate from = LocalDate.parse(result.spec().timeRange().from());
        LocalDate to = LocalDate.parse(result.spec().timeRange().to());
        return from.equals(to) ? "on " + DAY.format(from) : "from " + DAY.format(from) + " to " + DAY.format(to);
    }

    static String format(Metric metric, @Nullable Object value, String currency) {
        if (value == null) {
            return "none (nothing to divide by)";
        }
        if (metric.unit() == Unit.PERCENT) {
            return value + " %";
        }
        if (metric.unit() == Unit.MONEY && value instanceof Long minor) {
            return BigDecimal.valueOf(minor)
                            .movePointLeft(2)
                            .setScale(2, RoundingMode.UNNECESSARY)
                            .toPlainString() + " " + currency;
        }
        return String.valueOf(value);
    }

    private static String change(@Nullable Object now, @Nullable Object before) {
        BigDecimal pct = Figures.changePercent(now, before);
        if (pct == null) {
            return "";
        }
        return " (" + (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + " %)";
    }
}
