package io.wellbase.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/**
 * The list envelope of API.md: {@code { data: [...], pagination: {...} }}.
 */
public record PageResult<T>(List<T> data, Pagination pagination) {

    public static <T> PageResult<T> of(List<T> data, PageQuery query, long total) {
        int totalPages = pages(total, query);
        return new PageResult<>(
                List.copyOf(data),
                new Pagination(query.page(), query.pageSize(), total, totalPages, query.page() < totalPages, true));
    }

    /**
     * A page whose total may be a lower bound: {@code total} counted up to a limit ({@code exact} false
     * when more rows match), and {@code hasNext} known from fetching one row more than the page.
     */
    public static <T> PageResult<T> of(List<T> data, PageQuery query, long total, boolean exact, boolean hasNext) {
        int totalPages = pages(total, query);
        if (!data.isEmpty() || hasNext) {
            totalPages =
                    Math.max(totalPages, hasNext ? query.page() + 1 : query.page()); // a lower bound, like the total
        }
        return new PageResult<>(
                List.copyOf(data), new Pagination(query.page(), query.pageSize(), total, totalPages, hasNext, exact));
    }

    private static int pages(long total, PageQuery query) {
        return (int) ((total + query.pageSize() - 1) / query.pageSize());
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(data.stream().map(mapper).toList(), pagination);
    }

    /**
     * Page numbers and totals; names as in API.md. {@code total_exact} is false when the total was counted
     * only up to a limit (the client list at very large sizes): then {@code total} and {@code total_pages}
     * are lower bounds and {@code has_next} still tells whether another page follows.
     */
    public record Pagination(
            int page,
            @JsonProperty("page_size") int pageSize,
            long total,
            @JsonProperty("total_pages") int totalPages,
            @JsonProperty("has_next") boolean hasNext,
            @JsonProperty("total_exact") boolean totalExact) {}
}
