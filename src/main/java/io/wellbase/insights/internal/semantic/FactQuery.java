package io.wellbase.insights.internal.semantic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL for one fact of a checked spec: its aggregates grouped by the spec's dimensions, filtered, over the
 * range. Everything in the text comes from the declarations; every value the caller gave is a bound
 * parameter. Columns: {@code k0, l0, …} (each dimension's key and label), then {@code m0, …} (the aggregates).
 */
record FactQuery(Fact fact, List<Metric> aggregates, String sql, Map<String, Object> params) {

    static FactQuery compile(Fact fact, List<Metric> aggregates, CheckedSpec spec, int cap) {
        return compile(
                fact, aggregates, aggregates.stream().map(Metric::aggregate).toList(), spec, cap);
    }

    /** The same over another fact (a rollup) whose aggregates are given as SQL, one per metric. */
    static FactQuery compile(Fact fact, List<Metric> aggregates, List<String> aggregateSql, CheckedSpec spec, int cap) {
        Map<String, Object> params = new LinkedHashMap<>();
        Set<Join> joins = EnumSet.noneOf(Join.class);
        List<String> select = new ArrayList<>();
        List<String> group = new ArrayList<>();
        List<Dimension> dimensions = spec.dimensions();
        for (int i = 0; i < dimensions.size(); i++) {
            DimensionSql d = dimensions.get(i).on(fact).orElseThrow();
            joins.addAll(d.joins());
            select.add(d.key() + " AS k" + i);
            select.add(d.label() + " AS l" + i);
            group.add("k" + i);
            group.add("l" + i);
        }
        for (int j = 0; j < aggregates.size(); j++) {
            select.add(aggregateSql.get(j) + " AS m" + j);
        }
        List<String> where = new ArrayList<>();
        where.add(fact.where());
        if (!fact.bucketed()) {
            where.add(fact.inRange());
        }
        int f = 0;
        for (Map.Entry<Dimension, List<String>> filter : spec.filters().entrySet()) {
            String name = "f" + f++;
            params.put(name, filter.getValue());
            if (filter.getKey() == Dimension.TAG) {
                joins.add(Join.CLIENT);
                where.add("EXISTS (SELECT 1 FROM unnest(c.tags) AS ft(name) WHERE lower(ft.name) IN (:" + name + "))");
                continue;
            }
            DimensionSql d = filter.getKey().on(fact).orElseThrow();
            joins.addAll(d.joins());
            where.add("(lower(" + d.label() + ") IN (:" + name + ") OR (" + d.key() + ")::text IN (:" + name + "))");
        }
        for (Join join : List.copyOf(joins)) {
            joins.addAll(join.needs());
        }
        if (fact == Fact.CLIENTS) {
            joins.remove(Join.CLIENT); // the fact's rows are the clients themselves
        }
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(String.join(", ", select))
                .append("\nFROM ")
                .append(from(fact, spec.time()));
        for (Join join : joins) { // EnumSet iterates in declaration order: a join after those it needs
            sql.append('\n').append(join.sql(fact));
        }
        sql.append("\nWHERE ").append(String.join("\n  AND ", where));
        if (!group.isEmpty()) {
            sql.append("\nGROUP BY ").append(String.join(", ", group));
        }
        sql.append("\nLIMIT ").append(cap + 1);
        return new FactQuery(fact, List.copyOf(aggregates), sql.toString(), params);
    }

    /**
     * The fact's tables; for a bucketed fact, the periods (the time dimension's, or the whole range as one)
     * joined to the memberships held for at least a day of each.
     */
    private static String from(Fact fact, @org.jspecify.annotations.Nullable Dimension time) {
        if (!fact.bucketed()) {
            return fact.from();
        }
        String periods;
        if (time == null) {
            periods =
                    "(SELECT CAST(:from AS date) AS bucket, CAST(:from AS date) AS starts, CAST(:to AS date) AS ends) t";
        } else {
            String grain = time.grain();
            periods = """
                    (SELECT g.b::date AS bucket, greatest(g.b::date, CAST(:from AS date)) AS starts,
                            least((g.b + interval '1 %1$s')::date - 1, CAST(:to AS date)) AS ends
                     FROM generate_series(date_trunc('%1$s', CAST(:from AS date)), CAST(:to AS date),
                                          interval '1 %1$s') AS g(b)) t""".formatted(grain);
        }
        return periods + "\nJOIN " + fact.from() + " ON m.org_id = :org AND m.starts_on <= t.ends"
                + " AND least(m.ends_on, coalesce((m.cancelled_at AT TIME ZONE :zone)::date, m.ends_on)) >= t.starts";
    }
}
