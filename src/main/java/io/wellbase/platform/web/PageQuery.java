package io.wellbase.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated page request: {@code page} from 1, {@code page_size} from 1 to 200 (20 by default),
 * and a sort already checked against the endpoint's whitelist.
 */
public record PageQuery(int page, int pageSize, List<SortSpec.Order> sort) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;

    public PageQuery {
        sort = List.copyOf(sort);
    }

    /**
     * Parses raw query parameters; a bad value answers 400 with the field named.
     */
    public static PageQuery of(
            @Nullable Integer page, @Nullable Integer pageSize, @Nullable String sort, SortSpec sortSpec) {
        int p = page == null ? 1 : page;
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (p < 1) {
            throw ApiException.invalidField("page", "must be 1 or greater");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalidField("page_size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new PageQuery(p, size, sortSpec.parse(sort));
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    /** The ORDER BY clause for this page, built only from whitelisted columns. */
    public String orderBy(SortSpec sortSpec) {
        return sortSpec.orderBy(sort);
    }
}
