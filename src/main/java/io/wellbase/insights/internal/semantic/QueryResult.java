package io.wellbase.insights.internal.semantic;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A query's answer: the spec as run (defaults filled in), its columns, its rows (dimension labels, ids where a
 * label may repeat, metric values: counts, percentages with one decimal, money in minor units of
 * {@code currency}) and whether the limit cut rows off.
 */
public record QueryResult(
        QuerySpec spec,
        List<Column> columns,
        List<Map<String, @Nullable Object>> rows,
        String currency,
        boolean truncated) {

    /** A column: a dimension's or a metric's key and label; metrics give their unit. */
    public record Column(
            String key, String label, String kind, @Nullable String unit) {}

    /** The value of a metric in the first row, for one-figure answers; null when there is none. */
    public @Nullable Object first(Metric metric) {
        return rows.isEmpty() ? null : rows.get(0).get(metric.key());
    }
}
