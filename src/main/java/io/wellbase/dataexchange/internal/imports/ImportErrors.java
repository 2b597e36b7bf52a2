package io.wellbase.dataexchange.internal.imports;

import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The row-level report of an import. Written in batches on their own connection, outside the
 * import's transaction, so the report survives a dry run's or a failed run's rollback.
 */
@Repository
class ImportErrors {

    /** One reported cell or row. */
    record ImportError(long rowNumber, String column, String value, String message, String severity) {}

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    ImportErrors(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Buffers errors and writes each full batch. */
    final class Writer implements AutoCloseable {
        private final UUID importId;
        private final UUID orgId;
        private final List<ImportError> buffer = new ArrayList<>(BATCH);
        private long errors;
        private long warnings;

        Writer(UUID importId, UUID orgId) {
            this.importId = importId;
            this.orgId = orgId;
        }

        void add(ImportError error) {
            if (error.severity().equals("warning")) {
                warnings++;
            } else {
                errors++;
            }
            buffer.add(error);
            if (buffer.size() >= BATCH) {
                flush();
            }
        }

        long errors() {
            return errors;
        }

        long warnings() {
            return warnings;
        }

        void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            jdbcTemplate.batchUpdate("""
                    INSERT INTO import_errors (import_id, org_id, row_number, column_name, value, message, severity)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, buffer, buffer.size(), (PreparedStatement ps, ImportError e) -> {
                ps.setObject(1, importId);
                ps.setObject(2, orgId);
                ps.setLong(3, e.rowNumber());
                ps.setString(4, e.column());
                ps.setString(
                        5,
                        e.value() == null
                                ? null
                                : e.value().length() > 500 ? e.value().substring(0, 500) : e.value());
                ps.setString(6, e.message());
                ps.setString(7, e.severity());
            });
            buffer.clear();
        }

        @Override
        public void close() {
            flush();
        }
    }

    Writer writer(UUID importId, UUID orgId) {
        return new Writer(importId, orgId);
    }

    PageResult<ImportError> page(UUID orgId, UUID importId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM import_errors WHERE org_id = :org AND import_id = :id")
                .param("org", orgId)
                .param("id", importId)
                .query(Long.class)
                .single();
        List<ImportError> data = jdbc.sql("""
                SELECT row_number, column_name, value, message, severity FROM import_errors
                WHERE org_id = :org AND import_id = :id
                ORDER BY row_number, severity, column_name LIMIT :limit OFFSET :offset
                """)
                .param("org", orgId)
                .param("id", importId)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, n) -> new ImportError(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        return PageResult.of(data, page, total);
    }

    /** Every entry in row order, streamed (for the CSV download). */
    void each(UUID orgId, UUID importId, Consumer<ImportError> consumer) {
        jdbcTemplate.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                    SELECT row_number, column_name, value, message, severity FROM import_errors
                    WHERE org_id = ? AND import_id = ? ORDER BY row_number, severity, column_name
                    """);
                    ps.setObject(1, orgId);
                    ps.setObject(2, importId);
                    ps.setFetchSize(1_000);
                    return ps;
                },
                rs -> {
                    consumer.accept(new ImportError(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
    }
}
