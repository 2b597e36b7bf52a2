package io.wellbase.audit.internal;

import io.wellbase.platform.csv.CsvOutput;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the audit trail: keyset pages by id (ids are time-ordered) and a streamed CSV export.
 */
@Component
class AuditLogQueries {

    private static final String COLUMNS = """
            SELECT id, actor_id, api_key_id, action, entity_type, entity_id, changes::text AS changes, ip,
                   user_agent, request_id, occurred_at
            FROM audit_log
            """;

    private static final List<String> CSV_COLUMNS = List.of(
            "id",
            "occurred_at",
            "actor_id",
            "api_key_id",
            "action",
            "entity_type",
            "entity_id",
            "changes",
            "ip",
            "user_agent",
            "request_id");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    AuditLogQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** An audit entry as the API shows it. */
    record Entry(
            UUID id,
            UUID actorId,
            @org.jspecify.annotations.Nullable UUID apiKeyId,
            String action,
            String entityType,
            String entityId,
            JsonNode changes,
            String ip,
            String userAgent,
            String requestId,
            OffsetDateTime occurredAt) {}

    /** The filters of the list and the export; the organization comes from the token. */
    record Filter(
            UUID orgId,
            UUID actorId,
            String entityType,
            String entityId,
            String action,
            OffsetDateTime from,
            OffsetDateTime to) {}

    @Transactional(readOnly = true)
    CursorPage<Entry> page(Filter filter, String cursor, int pageSize) {
        MapSqlParameterSource params = params(filter);
        StringBuilder sql = new StringBuilder(COLUMNS).append(where(filter));
        if (cursor != null && !cursor.isBlank()) {
            sql.append(" AND id < :cursor");
            params.addValue("cursor", parseCursor(cursor));
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.addValue("limit", pageSize + 1);
        List<Entry> rows = jdbc.query(sql.toString(), params, (rs, n) -> entry(rs));
        boolean more = rows.size() > pageSize;
        List<Entry> page = more ? rows.subList(0, pageSize) : rows;
        return new CursorPage<>(List.copyOf(page), more ? page.getLast().id().toString() : null);
    }

    @Transactional(readOnly = true)
    void exportCsv(Filter filter, OutputStream out) throws IOException {
        JdbcTemplate template = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        template.setFetchSize(1000);
        NamedParameterJdbcTemplate streaming = new NamedParameterJdbcTemplate(template);
        try (CsvOutput csv = CsvOutput.to(out)) {
            csv.row(CSV_COLUMNS);
            streaming.query(COLUMNS + where(filter) + " ORDER BY id DESC", params(filter), rs -> {
                List<String> cells = new ArrayList<>(CSV_COLUMNS.size());
                for (String column : CSV_COLUMNS) {
                    cells.add(rs.getString(column));
                }
                csv.row(cells);
            });
        }
    }

    private static String where(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE org_id = :orgId");
        if (f.actorId() != null) {
            where.append(" AND actor_id = :actorId");
        }
        if (f.entityType() != null) {
            where.append(" AND entity_type = :entityType");
        }
        if (f.entityId() != null) {
            where.append(" AND entity_id = :entityId");
        }
        if (f.action() != null) {
            where.append(" AND action = :action");
        }
        if (f.from() != null) {
            where.append(" AND occurred_at >= :from");
        }
        if (f.to() != null) {
            where.append(" AND occurred_at < :to");
        }
        return where.toString();
    }

    private static MapSqlParameterSource params(Filter f) {
        return new MapSqlParameterSource()
                .addValue("orgId", f.orgId())
                .addValue("actorId", f.actorId())
                .addValue("entityType", f.entityType())
                .addValue("entityId", f.entityId())
                .addValue("action", f.action())
                .addValue("from", f.from())
                .addValue("to", f.to());
    }

    private static UUID parseCursor(String cursor) {
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("cursor", "is not a cursor this endpoint returned");
        }
    }

    private Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getObject("id", UUID.class),
                rs.getObject("actor_id", UUID.class),
                rs.getObject("api_key_id", UUID.class),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                objectMapper.readTree(rs.getString("changes")),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getString("request_id"),
                rs.getObject("occurred_at", OffsetDateTime.class));
    }
}
