package io.wellbase.clients.internal;

import io.wellbase.clients.ClientFilterExtension;
import io.wellbase.clients.ClientSegments;
import io.wellbase.platform.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ClientSegments} with the client list's own filter: the same clients the list shows. */
@Service
class ClientSegmentQueries implements ClientSegments {

    private final NamedParameterJdbcTemplate jdbc;
    private final List<ClientFilterExtension> extensions;

    ClientSegmentQueries(NamedParameterJdbcTemplate jdbc, List<ClientFilterExtension> extensions) {
        this.jdbc = jdbc;
        this.extensions = extensions;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> matching(UUID orgId, Map<String, List<String>> filters, @Nullable UUID after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = filter(orgId, filters).where(params);
        if (after != null) {
            where += " AND c.id > :after";
            params.addValue("after", after);
        }
        params.addValue("limit", limit);
        return jdbc.queryForList(
                "SELECT c.id FROM clients c" + where + " ORDER BY c.id LIMIT :limit", params, UUID.class);
    }

    @Override
    public void check(UUID orgId, Map<String, List<String>> filters) {
        filter(orgId, filters).where(new MapSqlParameterSource());
    }

    private ClientFilter filter(UUID orgId, Map<String, List<String>> filters) {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extensions.forEach(e -> e.parameters().forEach(name -> {
            if (filters.containsKey(name)) {
                extra.put(name, filters.get(name));
            }
        }));
        return new ClientFilter(
                orgId,
                filters.get("status"),
                filters.get("tag"),
                filters.get("source"),
                date(filters, "joinedFrom"),
                date(filters, "joinedTo"),
                month(filters),
                first(filters, "q"),
                extra,
                extensions);
    }

    private static @Nullable String first(Map<String, List<String>> filters, String name) {
        List<String> values = filters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static @Nullable LocalDate date(Map<String, List<String>> filters, String name) {
        String value = first(filters, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("segment." + name, "must be a date (YYYY-MM-DD)");
        }
    }

    private static @Nullable Integer month(Map<String, List<String>> filters) {
        String value = first(filters, "birthdayMonth");
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("segment.birthdayMonth", "must be a month number");
        }
    }
}
