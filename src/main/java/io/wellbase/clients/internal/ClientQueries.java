package io.wellbase.clients.internal;

import io.wellbase.clients.ClientFilterExtension;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.SortSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client list, its facets and likely duplicates: set-based SQL, one query per answer part.
 */
@Component
class ClientQueries {

    static final SortSpec SORT = SortSpec.of(
            Map.of(
                    "lastName",
                    "immutable_unaccent(lower(c.last_name))",
                    "firstName",
                    "immutable_unaccent(lower(c.first_name))",
                    "createdAt",
                    "c.created_at",
                    "status",
                    "c.status",
                    "birthDate",
                    "c.birth_date",
                    "engagement",
                    "coalesce((SELECT e.score FROM insight_engagement_scores e"
                            + " WHERE e.org_id = c.org_id AND e.client_id = c.id), -1)"),
            "lastName,firstName",
            "c.id");

    private final NamedParameterJdbcTemplate jdbc;
    private final ClientStore store;
    private final ClientListCache cache;
    private final long exactTotalLimit;

    ClientQueries(
            NamedParameterJdbcTemplate jdbc,
            ClientStore store,
            ClientListCache cache,
            @Value("${wellbase.clients.exact-total-limit:10000}") long exactTotalLimit) {
        this.jdbc = jdbc;
        this.store = store;
        this.cache = cache;
        this.exactTotalLimit = exactTotalLimit;
    }

    /**
     * A page of the list: one row more than the page tells whether another follows, and the total is
     * counted up to {@code wellbase.clients.exact-total-limit} matching clients (beyond it the total says
     * so with {@code total_exact: false}), once per filter until the organization's clients change. Each row
     * carries its tags ({@code clients.tags}, kept from {@code client_tags} by triggers): two statements a page.
     */
    @Transactional(readOnly = true)
    PageResult<ClientView> list(ClientFilter filter, PageQuery page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = filter.where(params);
        Map<String, Object> filterValues = new java.util.HashMap<>(params.getValues()); // values may be null
        params.addValue("limit", page.pageSize() + 1).addValue("offset", page.offset());
        List<ClientView> rows = jdbc.query(
                "SELECT c.* FROM clients c" + where + " ORDER BY " + page.orderBy(SORT)
                        + " LIMIT :limit OFFSET :offset",
                params,
                (rs, n) -> store.view(rs)
                        .withTagsAndAlerts(
                                List.of((String[]) rs.getArray("tags").getArray()), List.of()));
        boolean hasNext = rows.size() > page.pageSize();
        if (hasNext) {
            rows = rows.subList(0, page.pageSize());
        }
        String count = "SELECT count(*) FROM (SELECT 1 FROM clients c" + where + " LIMIT " + (exactTotalLimit + 1)
                + ") matching";
        long counted = cache.get(filter.orgId(), count, filterValues, () -> {
            Long n = jdbc.queryForObject(count, new MapSqlParameterSource(filterValues), Long.class);
            return n == null ? 0L : n;
        });
        boolean exact = counted <= exactTotalLimit;
        long total = Math.max(exact ? counted : exactTotalLimit, page.offset() + rows.size());
        return PageResult.of(rows, page, total, exact, hasNext);
    }

    /** Counts per status, tag and source; each dimension ignores its own filter, as filter menus expect. */
    @Transactional(readOnly = true)
    Map<String, Object> facets(ClientFilter filter) {
        MapSqlParameterSource key = new MapSqlParameterSource();
        String where = filter.where(key);
        return cache.get(filter.orgId(), "facets" + where, key.getValues(), () -> countFacets(filter));
    }

    private Map<String, Object> countFacets(ClientFilter filter) {
        Map<String, Object> facets = new LinkedHashMap<>();
        MapSqlParameterSource totalParams = new MapSqlParameterSource();
        facets.put(
                "total",
                jdbc.queryForObject(
                        "SELECT count(*) FROM clients c" + filter.where(totalParams), totalParams, Long.class));
        facets.put(
                "status",
                counts(
                        "SELECT c.status AS value, count(*) AS n FROM clients c%s GROUP BY 1 ORDER BY 2 DESC, 1",
                        filter.without("status")));
        facets.put(
                "source",
                counts(
                        "SELECT coalesce(c.source, '(none)') AS value, count(*) AS n FROM clients c%s GROUP BY 1 ORDER BY 2 DESC, 1",
                        filter.without("source")));
        facets.put("tag", counts("""
                SELECT t.tag AS value, count(*) AS n FROM clients c
                JOIN client_tags t ON t.org_id = c.org_id AND t.client_id = c.id%s
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100""", filter.without("tag")));
        for (ClientFilterExtension extension : filter.extensions()) {
            extension
                    .facets()
                    .forEach((name, sql) -> facets.put(
                            name,
                            counts(sql.formatted("clients c", "%s"), filter.without(extension.facetParameter(name)))));
        }
        return facets;
    }

    private List<Map<String, Object>> counts(String sqlTemplate, ClientFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.query(sqlTemplate.formatted(filter.where(params)), params, (rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", rs.getString("value"));
            if (rs.getMetaData().getColumnCount() > 2) {
                row.put("label", rs.getString("label"));
            }
            row.put("count", rs.getLong("n"));
            return row;
        });
    }

    /** A pair of clients that are probably one person, and why. */
    record DuplicatePair(UUID clientId, String clientName, UUID otherId, String otherName, String reason) {}

    @Transactional(readOnly = true)
    List<DuplicatePair> duplicates(UUID orgId, int limit) {
        return jdbc.query(
                """
                WITH live AS (
                    SELECT id, first_name, last_name, email_normalized, phone_digits, birth_date
                    FROM clients WHERE org_id = :org AND merged_into_id IS NULL AND erased_at IS NULL
                ), pairs AS (
                    SELECT a.id AS a_id, b.id AS b_id, 'same_email' AS reason
                    FROM live a JOIN live b ON b.email_normalized = a.email_normalized AND b.id > a.id
                    UNION ALL
                    SELECT a.id, b.id, 'same_phone'
                    FROM live a JOIN live b ON b.phone_digits = a.phone_digits AND b.id > a.id
                    UNION ALL
                    SELECT a.id, b.id, 'same_name_and_birth_date'
                    FROM live a JOIN live b ON lower(b.first_name) = lower(a.first_name)
                     AND lower(b.last_name) = lower(a.last_name) AND b.birth_date = a.birth_date AND b.id > a.id
                )
                SELECT p.a_id, a.first_name || ' ' || a.last_name AS a_name,
                       p.b_id, b.first_name || ' ' || b.last_name AS b_name,
                       string_agg(p.reason, ',' ORDER BY p.reason) AS reason
                FROM pairs p JOIN live a ON a.id = p.a_id JOIN live b ON b.id = p.b_id
                GROUP BY p.a_id, a.first_name, a.last_name, p.b_id, b.first_name, b.last_name
                ORDER BY p.a_id, p.b_id
                LIMIT :limit
                """,
                new MapSqlParameterSource("org", orgId).addValue("limit", limit),
                (rs, n) -> new DuplicatePair(
                        rs.getObject("a_id", UUID.class),
                        rs.getString("a_name"),
                        rs.getObject("b_id", UUID.class),
                        rs.getString("b_name"),
                        rs.getString("reason")));
    }
}
