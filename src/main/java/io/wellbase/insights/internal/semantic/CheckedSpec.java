package io.wellbase.insights.internal.semantic;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A query spec that passed every check: known names, splits that exist, the caller's rights, sane bounds. */
public record CheckedSpec(
        List<Metric> metrics,
        List<Dimension> dimensions,
        Map<Dimension, List<String>> filters,
        LocalDate from,
        LocalDate to,
        @Nullable String sortKey,
        boolean descending,
        int limit) {

    /** The time dimension among the dimensions, if any. */
    public @Nullable Dimension time() {
        return dimensions.stream().filter(Dimension::isTime).findFirst().orElse(null);
    }

    /** The same question over another range (a previous period, say). */
    public CheckedSpec over(LocalDate from, LocalDate to) {
        return new CheckedSpec(metrics, dimensions, filters, from, to, sortKey, descending, limit);
    }

    /** The spec in its request shape, with every default filled in, as answers echo it. */
    public QuerySpec asSpec() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        filters.forEach((d, values) -> f.put(d.key(), values));
        return new QuerySpec(
                metrics.stream().map(Metric::key).toList(),
                dimensions.stream().map(Dimension::key).toList(),
                f,
                new QuerySpec.TimeRange(from.toString(), to.toString()),
                sortKey == null ? null : (descending ? "-" : "") + sortKey,
                limit);
    }
}
