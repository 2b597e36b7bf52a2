package io.wellbase.insights.internal.churn;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The insights module's churn tables: one model per organization, the latest score per client. */
@Component
class ChurnStore {

    /** A model as stored, with its evaluation and the rules' on the same held-out day. */
    record Stored(
            UUID orgId,
            String method,
            OffsetDateTime trainedAt,
            LocalDate asOf,
            int trainRows,
            int testRows,
            int testPositives,
            @Nullable Double auc,
            @Nullable Double precisionAt10,
            @Nullable Double brier,
            @Nullable Double rulesAuc,
            @Nullable Double rulesPrecisionAt10,
            @Nullable Double rulesBrier,
            List<String> features,
            double @Nullable [] weights,
            @Nullable LinearModel model,
            long trainingMs,
            @Nullable String note) {}

    /** A client's score with their name, as the predictions list shows it. */
    record Scored(
            UUID clientId, String name, double probability, List<String> reasons, String method, LocalDate asOf) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ChurnStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(Stored m) {
        jdbc.sql("""
                INSERT INTO churn_models (org_id, method, trained_at, as_of, train_rows, test_rows, test_positives, auc,
                    precision_at_10, brier, rules_auc, rules_precision_at_10, rules_brier, features, means, stds, weights,
                    bias, training_ms, note)
                VALUES (:org, :method, :trainedAt, :asOf, :trainRows, :testRows, :positives, :auc, :p10, :brier,
                    :rulesAuc, :rulesP10, :rulesBrier, :features, :means, :stds, :weights, :bias, :ms, :note)
                ON CONFLICT (org_id) DO UPDATE SET method = EXCLUDED.method, trained_at = EXCLUDED.trained_at,
                    as_of = EXCLUDED.as_of, train_rows = EXCLUDED.train_rows, test_rows = EXCLUDED.test_rows,
                    test_positives = EXCLUDED.test_positives, auc = EXCLUDED.auc,
                    precision_at_10 = EXCLUDED.precision_at_10, brier = EXCLUDED.brier, rules_auc = EXCLUDED.rules_auc,
                    rules_precision_at_10 = EXCLUDED.rules_precision_at_10, rules_brier = EXCLUDED.rules_brier,
                    features = EXCLUDED.features, means = EXCLUDED.means, stds = EXCLUDED.stds,
                    weights = EXCLUDED.weights, bias = EXCLUDED.bias, training_ms = EXCLUDED.training_ms,
                    note = EXCLUDED.note
                """)
                .param("org", m.orgId())
                .param("method", m.method())
                .param("trainedAt", m.trainedAt())
                .param("asOf", m.asOf())
                .param("trainRows", m.trainRows())
                .param("testRows", m.testRows())
                .param("positives", m.testPositives())
                .param("auc", m.auc())
                .param("p10", m.precisionAt10())
                .param("brier", m.brier())
                .param("rulesAuc", m.rulesAuc())
                .param("rulesP10", m.rulesPrecisionAt10())
                .param("rulesBrier", m.rulesBrier())
                .param("features", m.features().toArray(String[]::new))
                .param("means", m.model() == null ? null : boxed(m.model().means()))
                .param("stds", m.model() == null ? null : boxed(m.model().stds()))
                .param("weights", m.model() == null ? null : boxed(m.model().weights()))
                .param("bias", m.model() == null ? null : m.model().bias())
                .param("ms", m.trainingMs())
                .param("note", m.note())
                .update();
    }

    Optional<Stored> model(UUID org) {
        return jdbc.sql("SELECT * FROM churn_models WHERE org_id = :org")
                .param("org", org)
                .query((rs, n) -> {
                    double[] weights = doubles(rs.getArray("weights"));
                    LinearModel model = weights == null
                            ? null
                            : new LinearModel(
                                    doubles(rs.getArray("means")),
                                    doubles(rs.getArray("stds")),
                                    weights,
                                    rs.getDouble("bias"));
                    return new Stored(
                            org,
                            rs.getString("method"),
                            rs.getObject("trained_at", OffsetDateTime.class),
                            rs.getObject("as_of", LocalDate.class),
                            rs.getInt("train_rows"),
                            rs.getInt("test_rows"),
                            rs.getInt("test_positives"),
                            (Double) rs.getObject("auc"),
                            (Double) rs.getObject("precision_at_10"),
                            (Double) rs.getObject("brier"),
                            (Double) rs.getObject("rules_auc"),
                            (Double) rs.getObject("rules_precision_at_10"),
                            (Double) rs.getObject("rules_brier"),
                            List.of((String[]) rs.getArray("features").getArray()),
                            weights,
                            model,
                            rs.getLong("training_ms"),
                            rs.getString("note"));
                })
                .optional();
    }

    /** The organization's scores replaced by these, in one statement after one delete. */
    void replaceScores(
            UUID org,
            LocalDate asOf,
            String method,
            List<UUID> clients,
            double[] probabilities,
            List<List<String>> reasons) {
        jdbc.sql("DELETE FROM churn_scores WHERE org_id = :org")
                .param("org", org)
                .update();
        if (clients.isEmpty()) {
            return;
        }
        String[] reasonJson = reasons.stream().map(json::writeValueAsString).toArray(String[]::new);
        Double[] p = new Double[probabilities.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = probabilities[i];
        }
        jdbc.sql("""
                INSERT INTO churn_scores (org_id, client_id, as_of, probability, method, reasons, scored_at)
                SELECT :org, c, :asOf, p, :method, r::jsonb, now()
                FROM unnest(CAST(:clients AS uuid[]), CAST(:probabilities AS float8[]), CAST(:reasons AS text[])) AS x(c, p, r)
                """)
                .param("org", org)
                .param("asOf", asOf)
                .param("method", method)
                .param("clients", clients.toArray(UUID[]::new))
                .param("probabilities", p)
                .param("reasons", reasonJson)
                .update();
    }

    Optional<LocalDate> scoredAsOf(UUID org) {
        return jdbc.sql("SELECT max(as_of) FROM churn_scores WHERE org_id = :org")
                .param("org", org)
                .query(LocalDate.class)
                .optional();
    }

    List<Scored> scores(UUID org, double minScore, int limit) {
        return jdbc.sql("""
                SELECT s.client_id, c.first_name, c.last_name, s.probability, s.reasons::text AS reasons, s.method, s.as_of
                FROM churn_scores s
                JOIN report_clients c ON c.org_id = :org AND c.id = s.client_id
                WHERE s.org_id = :org AND s.probability >= :min AND c.merged_into_id IS NULL AND c.erased_at IS NULL
                ORDER BY s.probability DESC, s.client_id
                LIMIT :limit
                """)
                .param("org", org)
                .param("min", minScore)
                .param("limit", limit)
                .query((rs, n) -> new Scored(
                        rs.getObject("client_id", UUID.class),
                        (nz(rs.getString("first_name")) + " " + nz(rs.getString("last_name"))).trim(),
                        rs.getDouble("probability"),
                        List.of(json.readValue(rs.getString("reasons"), String[].class)),
                        rs.getString("method"),
                        rs.getObject("as_of", LocalDate.class)))
                .list();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double @Nullable [] doubles(@Nullable Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).doubleValue();
        }
        return out;
    }
}
