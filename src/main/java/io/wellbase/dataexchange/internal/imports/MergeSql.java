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
        return jdbc.sql(sql).params(params).update();
    }

    long count(String sql) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Keeps the first row of each key and reports the later ones as duplicates of it. */
    void rejectDuplicates(String keyColumn, String what) {
        update("""
                WITH ranked AS (
                    SELECT row_no, %1$s AS key, min(row_no) OVER (PARTITION BY %1$s) AS first_row
                    FROM import_stage WHERE %1$s IS NOT NULL
                ), dropped AS (
                    DELETE FROM import_stage s USING ranked r
                    WHERE s.row_no = r.row_no AND r.row_no <> r.first_row
                    RETURNING r.row_no, r.key, r.first_row
                )
                INSERT INTO import_problems (row_no, column_name, value, message, severity)
                SELECT row_no, '%2$s', key, 'duplicate of row ' || first_row || ' in this file; only the first is imported', 'error'
                FROM dropped
                """.formatted(keyColumn, what));
    }

    /** Reports the rows a query selects ({@code row_no, value}) and removes them from the stage. */
    void reject(String whereClause, String column, String valueExpression, String message) {
        update("""
                WITH dropped AS (
                    DELETE FROM import_stage WHERE %s
                    RETURNING row_no, (%s)::text AS value
                )
                INSERT INTO import_problems (row_no, column_name, value, message, severity)
                SELECT row_no, :column, value, :message, 'error' FROM dropped
                """.formatted(whereClause, valueExpression).replace(":column", quote(column))
                .replace(":message", quote(message)));
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
