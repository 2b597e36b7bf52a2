package io.wellbase.platform.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The sort fields one endpoint allows, each mapped to its SQL column, plus the default order and a
 * unique tie-breaker so that pages never overlap. {@code sort=name,-createdAt}.
 */
public final class SortSpec {

    private final Map<String, String> columns;
    private final List<Order> defaultOrder;
    private final String tieBreaker;

    private SortSpec(Map<String, String> columns, List<Order> defaultOrder, String tieBreaker) {
        this.columns = columns;
        this.defaultOrder = defaultOrder;
        this.tieBreaker = tieBreaker;
    }

    /**
     * @param columns     api field name to SQL expression
     * @param defaultSort the order when none is asked for, in the same syntax as the parameter
     * @param tieBreaker  a unique column appended to every order
     */
    public static SortSpec of(Map<String, String> columns, String defaultSort, String tieBreaker) {
        SortSpec spec = new SortSpec(new LinkedHashMap<>(columns), List.of(), tieBreaker);
        return new SortSpec(spec.columns, spec.parse(defaultSort), tieBreaker);
    }

    /** The api field names a client may sort by. */
    public Set<String> fields() {
        return Collections.unmodifiableSet(columns.keySet());
    }

    public List<Order> parse(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return defaultOrder;
        }
        List<Order> orders = new ArrayList<>();
        for (String part : sort.split(",")) {
            String field = part.trim();
            boolean descending = field.startsWith("-");
            if (descending) {
                field = field.substring(1);
            }
            if (!columns.containsKey(field)) {
                throw ApiException.invalidField(
                        "sort", "unknown sort field '" + field + "'; allowed: " + String.join(", ", columns.keySet()));
            }
            orders.add(new Order(field, descending));
        }
        return orders;
    }

    public String orderBy(List<Order> orders) {
        String clause = orders.stream()
                .map(o -> columns.get(o.field()) + (o.descending() ? " DESC" : " ASC"))
                .collect(Collectors.joining(", "));
        return clause.isEmpty() ? tieBreaker : clause + ", " + tieBreaker;
    }

    /** One field of a sort. */
    public record Order(String field, boolean descending) {}
}
