package io.wellbase.insights.internal.semantic;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A question for the semantic layer, as a client (or the question parser, or a language model) sends it:
 * metric and dimension keys, filters by dimension (values are names or ids), a date range (ISO dates,
 * both included; the last 30 days when left out), a sort ({@code "visits"}, {@code "-visits"}) and a row limit.
 * It is only ever compiled to SQL by the server, from the declarations in {@link Metric} and {@link Dimension}.
 */
public record QuerySpec(
        @Nullable List<String> metrics,
        @Nullable List<String> dimensions,
        @Nullable Map<String, List<String>> filters,
        @Nullable TimeRange timeRange,
        @Nullable String sort,
        @Nullable Integer limit) {

    /** Both days included. */
    public record TimeRange(@Nullable String from, @Nullable String to) {}

    public static QuerySpec of(List<String> metrics, List<String> dimensions, String from, String to) {
        return new QuerySpec(metrics, dimensions, Map.of(), new TimeRange(from, to), null, null);
    }
}
