package io.wellbase.insights.internal.semantic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a dimension reads on one fact: the expression rows are grouped by (an id where the label may repeat),
 * the label shown, and the joins both need.
 */
record DimensionSql(String key, String label, List<Join> joins) {

    static DimensionSql of(String key, String label, Join... joins) {
        return new DimensionSql(key, label, List.of(joins));
    }

    /** The same attribute on every fact that has a client: read through the client join. */
    static Map<Fact, DimensionSql> onClient(String key, String label, Join... more) {
        Map<Fact, DimensionSql> map = new EnumMap<>(Fact.class);
        for (Fact fact : Fact.values()) {
            if (fact.client() == null) {
                continue;
            }
            List<Join> joins = new java.util.ArrayList<>();
            if (fact != Fact.CLIENTS) {
                joins.add(Join.CLIENT);
            }
            joins.addAll(List.of(more));
            map.put(fact, new DimensionSql(key, label, List.copyOf(joins)));
        }
        return map;
    }

    static Map<Fact, DimensionSql> map(Object... pairs) {
        Map<Fact, DimensionSql> map = new EnumMap<>(Fact.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Fact) pairs[i], (DimensionSql) pairs[i + 1]);
        }
        return map;
    }
}
