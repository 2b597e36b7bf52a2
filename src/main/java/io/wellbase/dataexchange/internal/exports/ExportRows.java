package io.wellbase.dataexchange.internal.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams the rows of an export from a server-side cursor (fetch size 1,000, read-only
 * transaction), so a million rows cost the memory of a thousand.
 */
@Component
class ExportRows {

    private static final int FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ExportRows(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        this.jdbc.getJdbcTemplate().setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    long count(UUID orgId, ExportType type, ExportFilter filter) {
        Long count = jdbc.queryForObject(ExportQueries.count(type), params(orgId, filter), Long.class);
        return count == null ? 0 : count;
    }

    /** Writes every row to the writer; answers how many. */
    long write(UUID orgId, ExportType type, ExportFilter filter, RowWriter writer) {
        int columns = type.columns().size();
        long[] rows = {0};
        readOnly.executeWithoutResult(status ->
                jdbc.query(ExportQueries.rows(type), params(orgId, filter), (ResultSet rs) -> {
                    List<String> values = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        values.add(rs.getString(i));
                    }
                    try {
                        writer.row(values);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    rows[0]++;
                }));
        return rows[0];
    }

    private static MapSqlParameterSource params(UUID orgId, ExportFilter filter) {
        return new MapSqlParameterSource()
                .addValue("org", orgId)
                .addValue("from", filter.from() == null ? null : java.sql.Date.valueOf(filter.from()))
                .addValue("to", filter.to() == null ? null : java.sql.Date.valueOf(filter.to()))
                .addValue("location", filter.locationId())
                .addValue("status", filter.status());
    }
}
