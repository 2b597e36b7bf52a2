package io.wellbase.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/**
 * The list envelope of API.md: {@code { data: [...], pagination: {...} }}.
 */
public record PageResult<T>(List<T> data, Pagination pagination) {

    public static <T> PageResult<T> of(List<T> data, PageQuery query, long total) {
        int totalPages = (int) ((total + query.pageSize() - 1) / query.pageSize());
        return new PageResult<>(List.copyOf(data), new Pagination(query.page(), query.pageSize(), total,
                totalPages, query.page() < totalPages));
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(data.stream().map(mapper).toList(), pagination);
    }

    /** Page numbers and totals; names as in API.md. */
    public record Pagination(
            int page,
            @JsonProperty("page_size") int pageSize,
            long total,
            @JsonProperty("total_pages") int totalPages,
            @JsonProperty("has_next") boolean hasNext) {
    }
}
