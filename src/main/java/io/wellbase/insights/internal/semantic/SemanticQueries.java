package io.wellbase.insights.internal.semantic;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs checked specs: one statement per fact the metrics read, in one read-only transaction under a statement
 * timeout, merged by the dimensions' keys, computed metrics derived, sorted and cut to the limit.
 */
@Component
public class SemanticQueries {

    /** Who the figures are for: the organization, its zone, currency and today. */
    public record Scope(UUID orgId, ZoneId zone, String currency, LocalDate today) {}

    /** What running a spec came to. */
    public sealed interface Outcome {}

    public record Answered(QueryResult result) implements Outcome {}

    /** More groups than the configured cap: narrow the range, the dimensions or the filters. */
    public record TooManyGroups(int cap) implements Outcome {}

    /** The statement timeout cancelled a statement. */
    public record TooSlow(Duration limit) implements Outcome {}

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Duration timeout;
    private final int maxGroups;
    private final io.wellbase.insights.internal.rollup.Rollups rollups;

    public SemanticQueries(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            io.wellbase.insights.InsightsProperties settings,
            io.wellbase.insights.internal.rollup.Rollups rollups) {
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.timeout = settings.queryTimeout();
        this.maxGroups = settings.maxGroups();
    }

    public Outcome run(Scope scope, CheckedSpec spec) {
        Map<Fact, List<Metric>> byFact = new LinkedHashMap<>();
        for (Metric metric : spec.metrics()) {
            for (Metric aggregate : metric.aggregates()) {
                List<Metric> list = byFact.computeIfAbsent(aggregate.fact(), f -> new ArrayList<>());
                if (!list.contains(aggregate)) {
                    list.add(aggregate);
                }
            }
        }
        try {
            Map<List<String>, Group> groups = readOnly.execute(status -> {
                jdbc.sql("SELECT set_config('statement_timeout', :ms, true)")
                        .param("ms", String.valueOf(timeout.toMillis()))
                        .query()
                        .singleRow();
                Map<List<String>, Group> merged = new LinkedHashMap<>();
                for (Map.Entry<Fact, List<Metric>> entry : byFact.entrySet()) {
                    for (Part part : parts(scope, entry.getKey(), entry.getValue(), spec)) {
                        if (!collect(scope, part.spec(), part.query(), merged)) {
                            return null;
                        }
                    }
                }
                return merged;
            });
            if (groups == null) {
                return new TooManyGroups(maxGroups);
            }
            return new Answered(ResultRows.of(spec, groups, scope.currency()));
        } catch (DataAccessException e) {
            if (cancelled(e)) {
                return new TooSlow(timeout);
            }
            throw e;
        }
    }

    /** A statement and the range it counts. */
    private record Part(CheckedSpec spec, FactQuery query) {}

    /**
     * The statements for one fact: the rollups for the closed days they hold, the rows for the days after (both
     * added up per group), or the rows alone when the rollups cannot answer or are not built.
     */
    private List<Part> parts(Scope scope, Fact fact, List<Metric> aggregates, CheckedSpec spec) {
        java.util.Optional<Fact> rollup = RollupPlan.of(fact, aggregates, spec);
        java.util.Optional<java.time.LocalDate> through =
                rollup.isEmpty() ? java.util.Optional.empty() : rollups.completeThrough(scope.orgId());
        if (through.isEmpty() || through.get().isBefore(spec.from())) {
            return List.of(new Part(spec, FactQuery.compile(fact, aggregates, spec, maxGroups)));
        }
        List<Part> parts = new ArrayList<>();
        java.time.LocalDate split = spec.to().isAfter(through.get()) ? through.get() : spec.to();
        CheckedSpec early = spec.over(spec.from(), split);
        parts.add(new Part(
                early,
                FactQuery.compile(
                        rollup.get(),
                        aggregates,
                        aggregates.stream().map(RollupPlan::sum).toList(),
                        early,
                        maxGroups)));
        if (spec.to().isAfter(split)) {
            CheckedSpec late = spec.over(split.plusDays(1), spec.to());
            parts.add(new Part(late, FactQuery.compile(fact, aggregates, late, maxGroups)));
        }
        return parts;
    }

    /** A group of merged rows: its labels and the aggregates counted for it. */
    static final class Group {
        final List<@Nullable String> keys;
        final List<@Nullable String> labels;
        final Map<Metric, Long> values = new HashMap<>();

        Group(List<@Nullable String> keys, List<@Nullable String> labels) {
            this.keys = keys;
            this.labels = labels;
        }

        long value(Metric aggregate) {
            return values.getOrDefault(aggregate, 0L);
        }
    }

    /** Adds the fact's rows to the groups; false when the fact had more groups than the cap. */
    private boolean collect(Scope scope, CheckedSpec spec, FactQuery query, Map<List<String>, Group> merged) {
        int dims = spec.dimensions().size();
        int[] rows = {0};
        JdbcClient.StatementSpec statement = jdbc.sql(query.sql())
                .param("org", scope.orgId())
                .param("zone", scope.zone().getId())
                .param("currency", scope.currency())
                .param("today", scope.today())
                .param("from", spec.from())
                .param("to", spec.to());
        for (Map.Entry<String, Object> p : query.params().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        statement.query(rs -> {
            rows[0]++;
            if (rows[0] > maxGroups) {
                return;
            }
            List<@Nullable String> keys = new ArrayList<>(dims);
            List<@Nullable String> labels = new ArrayList<>(dims);
            for (int i = 0; i < dims; i++) {
                keys.add(rs.getString("k" + i));
                labels.add(rs.getString("l" + i));
            }
            Group group = merged.computeIfAbsent(keyOf(keys), k -> new Group(keys, labels));
            for (int j = 0; j < query.aggregates().size(); j++) {
                group.values.merge(query.aggregates().get(j), rs.getLong("m" + j), Long::sum);
            }
        });
        return rows[0] <= maxGroups;
    }

    private static List<String> keyOf(List<@Nullable String> keys) {
        List<String> key = new ArrayList<>(keys.size());
        for (String k : keys) {
            key.add(k == null ? "\u0000" : k);
        }
        return key;
    }

    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
