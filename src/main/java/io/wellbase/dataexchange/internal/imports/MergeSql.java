package io.wellbase.dataexchange.internal.imports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL inside one import's transaction, with the parameters every merge uses already bound:
 * {@code :org}, {@code :import}, {@code :user}, {@code :zone}, {@code :currency}, {@code :today}.
 */
final class MergeSql {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MergeSql.class);
    private static final long SLOW_MILLIS = 250;

    private final JdbcClient jdbc;
    private final ImportContext context;
    private final Map<String, Object> params = new HashMap<>();

    MergeSql(JdbcClient jdbc, ImportContext context) {
        this.jdbc = jdbc;
        this.context = context;
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

    int update(String sql) {
        long start = System.nanoTime();
        int rows = jdbc.sql(sql).params(params).update();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > SLOW_MILLIS) {
            log.info("import {}: {} rows in {} ms: {}", context.importId(), rows, millis,
                    sql.strip().replaceAll("\\s+", " ").substring(0, Math.min(90, sql.strip().length())));
        }
        return rows;
    }

    long count(String sql) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Keeps the first row of each key and reports the later ones as duplicates of it. */
    void rejectDuplicates(String keyColumn, String what) {
        rejectDuplicates("import_stage", keyColumn, keyColumn, what, "duplicate of row %s in this file; only the first is imported");
    }

    /**
     * Keeps the first row (lowest {@code row_no}) of each key in a table and reports the later ones,
     * with {@code message} formatted with the first row's number.
     */
    void rejectDuplicates(String table, String keyExpression, String valueExpression, String column, String message) {
        boolean any = jdbc.sql("SELECT EXISTS (SELECT 1 FROM %1$s WHERE (%2$s) IS NOT NULL GROUP BY %2$s HAVING count(*) > 1)"
                .formatted(table, keyExpression)).params(params).query(Boolean.class).single();
        if (!any) {
            return; // the usual case: no sort of the whole file needed
        }
        update("""
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

    /** Reports the staged rows a condition selects and removes them from the stage. */
    void reject(String whereClause, String column, String valueExpression, String message) {
        reject("import_stage", whereClause, column, valueExpression, quote(message));
    }

    /** Like {@link #reject(String, String, String, String)} on any table, with a message expression. */
    void reject(String table, String whereClause, String column, String valueExpression, String messageExpression) {
        update("""
                WITH dropped AS (
                    DELETE FROM %s WHERE %s
                    RETURNING row_no, (%s)::text AS value, %s AS message
                )
                INSERT INTO import_problems (row_no, column_name, value, message, severity)
                SELECT row_no, %s, value, message, 'error' FROM dropped
                """.formatted(table, whereClause, valueExpression, messageExpression, quote(column)));
    }

    /** Reports the rows a query selects ({@code row_no, value, message}) as warnings; they are still imported. */
    void warn(String selectRowNoValueMessage, String column) {
        update("INSERT INTO import_problems (row_no, column_name, value, message, severity) SELECT q.row_no, "
                + quote(column) + ", q.value::text, q.message, 'warning' FROM (" + selectRowNoValueMessage + ") q");
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
