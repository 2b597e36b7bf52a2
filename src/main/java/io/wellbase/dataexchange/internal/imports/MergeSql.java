package io.wellbase.dataexchange.internal.imports;

import io.wellbase.platform.imports.ImportStage;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link ImportStage} of one import: SQL inside its transaction, with the parameters every merge
 * uses already bound ({@code :org}, {@code :import}, {@code :user}, {@code :zone}, {@code :currency},
 * {@code :today}), and the import keys that remember which entity an external id became. Each
 * statement is a step of the merge, bounded by the session's {@code statement_timeout}; a step
 * stopped by it ends the merge with {@link StepTimedOut}, which names the step.
 */
final class MergeSql implements ImportStage {

    /** A merge statement ran longer than the step timeout and was stopped by PostgreSQL. */
    static final class StepTimedOut extends RuntimeException {

        StepTimedOut(String kind, String step, Duration timeout) {
            super(
                    "the %s merge step \"%s\" took longer than %s and was stopped (wellbase.dataexchange.imports.merge-step-timeout)"
                            .formatted(kind, step, describe(timeout)),
                    null,
                    false,
                    false);
        }

        private static String describe(Duration timeout) {
            if (timeout.toMillis() % 60_000 == 0) {
                long minutes = timeout.toMinutes();
                return minutes + (minutes == 1 ? " minute" : " minutes");
            }
            if (timeout.toMillis() % 1_000 == 0) {
                long seconds = timeout.toSeconds();
                return seconds + (seconds == 1 ? " second" : " seconds");
            }
            return timeout.toMillis() + " ms";
        }
    }

    private static final Pattern STATEMENT = Pattern.compile(
            "^(?:WITH\\s+\\w+\\s+AS\\s+\\(\\s*)?(CREATE TEMP TABLE|CREATE (?:UNIQUE )?INDEX ON|INSERT INTO|UPDATE|DELETE FROM|ALTER TABLE|ANALYZE)\\s+(\\w+)");
    private static final String QUERY_CANCELED = "57014";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MergeSql.class);
    private static final long SLOW_MILLIS = 250;

    private final JdbcClient jdbc;
    private final ImportContext context;
    private final Duration stepTimeout;
    private final Map<String, Object> params = new HashMap<>();

    /**
     * Sets the step timeout for the rest of the transaction (the staging COPY before it is not
     * bounded), and plans every statement for any organization rather than for this one: statistics
     * gathered before a new organization had rows estimate its rows at one, which makes nested loops
     * over thousands of rows look free. A generic plan estimates an average organization instead.
     */
    MergeSql(JdbcClient jdbc, ImportContext context, Duration stepTimeout) {
        this.jdbc = jdbc;
        this.context = context;
        this.stepTimeout = stepTimeout;
        jdbc.sql("SET LOCAL statement_timeout = " + stepTimeout.toMillis()).update();
        jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
        params.put("org", context.orgId());
        params.put("import", context.importId());
        params.put("user", context.userId());
        params.put("zone", context.zone().getId());
        params.put("currency", context.currency());
        params.put("today", LocalDate.now(context.zone()));
    }

    ImportContext context() {
        return context;
    }

    @Override
    public java.util.UUID organizationId() {
        return context.orgId();
    }

    @Override
    public int update(String sql) {
        return update(step(sql), sql);
    }

    private int update(String step, String sql) {
        long start = System.nanoTime();
        int rows = run(step, () -> jdbc.sql(sql).params(params).update());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > SLOW_MILLIS) {
            log.info(
                    "import {}: {} rows in {} ms: {}",
                    context.importId(),
                    rows,
                    millis,
                    sql.strip()
                            .replaceAll("\\s+", " ")
                            .substring(0, Math.min(90, sql.strip().length())));
        }
        return rows;
    }

    @Override
    public long count(String sql) {
        return run(
                "counting the result",
                () -> jdbc.sql(sql).params(params).query(Long.class).single());
    }

    @Override
    public java.util.List<java.util.UUID> ids(String sql) {
        return run(
                "reading the ids",
                () -> jdbc.sql(sql).params(params).query(java.util.UUID.class).list());
    }

    /** Runs one step, turning PostgreSQL's statement timeout into {@link StepTimedOut}. */
    private <T> T run(String step, Supplier<T> statement) {
        long start = System.nanoTime();
        try {
            return statement.get();
        } catch (DataAccessException e) {
            // 57014 is also a cancel by an administrator; only a step that ran for the whole timeout timed out
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (e.getMostSpecificCause() instanceof SQLException sql
                    && QUERY_CANCELED.equals(sql.getSQLState())
                    && millis >= stepTimeout.toMillis() * 9 / 10) {
                throw new StepTimedOut(context.kind().value(), step, stepTimeout);
            }
            throw e;
        }
    }

    /** What a statement does, in a few words: "updating class_sessions", "building visit_rows". */
    static String step(String sql) {
        Matcher m = STATEMENT.matcher(sql.strip());
        if (!m.find()) {
            return sql.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        }
        String table = m.group(2);
        return switch (m.group(1).split(" ")[0]) {
            case "CREATE" -> (m.group(1).contains("INDEX") ? "indexing " : "building ") + table;
            case "INSERT" -> "inserting into " + table;
            case "UPDATE" -> "updating " + table;
            case "DELETE" -> "deleting from " + table;
            case "ALTER" -> "altering " + table;
            default -> "analyzing " + table;
        };
    }

    @Override
    public void rejectDuplicates(String keyColumn, String what) {
        rejectDuplicates(
                "import_stage",
                keyColumn,
                keyColumn,
                what,
                "duplicate of row %s in this file; only the first is imported");
    }

    @Override
    public void rejectDuplicates(
            String table, String keyExpression, String valueExpression, String column, String message) {
        String step = "finding duplicates in " + table.split("\\s+")[0];
        boolean any = run(
                step,
                () -> jdbc.sql(
                                "SELECT EXISTS (SELECT 1 FROM %1$s WHERE (%2$s) IS NOT NULL GROUP BY %2$s HAVING count(*) > 1)"
                                        .formatted(table, keyExpression))
                        .params(params)
                        .query(Boolean.class)
                        .single());
        if (!any) {
            return; // the usual case: no sort of the whole file needed
        }
        update(step, """
                WITH ranked AS (
                    SELECT row_no, (%2$s)::text AS value, min(row_no) OVER (PARTITION BY %1$s) AS first_row
                    FROM %3$s WHERE (%1$s) IS NOT NULL
                ), dropped AS (
                    DELETE FROM %3$s s USING ranked r
                    WHERE s.row_no = r.row_no AND r.row_no <> r.first_row
                    RETURNING r.row_no, r.value, r.first_row
                )
                INSERT INTO import_problems (row_no, column_name, value, message, severity)
                SELECT row_no, %4$s, value, replace(%5$s, '%%s', first_row::text), 'error'
                FROM dropped
                """.formatted(keyExpression, valueExpression, table, quote(column), quote(message)));
    }

    @Override
    public void reject(String whereClause, String column, String valueExpression, String message) {
        reject("import_stage", whereClause, column, valueExpression, quote(message));
    }

    @Override
    public void reject(
            String table, String whereClause, String column, String valueExpression, String messageExpression) {
        update("rejecting rows of " + table.split("\\s+")[0], """
                WITH dropped AS (
                    DELETE FROM %s WHERE %s
                    RETURNING row_no, (%s)::text AS value, %s AS message
                )
                INSERT INTO import_problems (row_no, column_name, value, message, severity)
                SELECT row_no, %s, value, message, 'error' FROM dropped
                """.formatted(
                        table, whereClause, valueExpression, messageExpression, quote(column)));
    }

    @Override
    public void warn(String selectRowNoValueMessage, String column) {
        update(
                "reporting warnings on " + column,
                "INSERT INTO import_problems (row_no, column_name, value, message, severity) SELECT q.row_no, "
                        + quote(column) + ", q.value::text, q.message, 'warning' FROM (" + selectRowNoValueMessage
                        + ") q");
    }

    @Override
    public String importedIds(String entityType) {
        return "(SELECT external_id, entity_id FROM import_keys WHERE org_id = :org AND entity_type = "
                + quote(entityType) + ")";
    }

    @Override
    public void rememberIds(String entityType, String selectExternalIdEntityId) {
        update("remembering the imported ids", """
                INSERT INTO import_keys (org_id, entity_type, external_id, entity_id)
                SELECT :org, %s, q.external_id, q.entity_id
                FROM (%s) AS q (external_id, entity_id)
                ON CONFLICT (org_id, entity_type, external_id) DO UPDATE SET entity_id = EXCLUDED.entity_id
                """.formatted(quote(entityType), selectExternalIdEntityId));
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
