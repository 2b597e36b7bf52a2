package io.wellbase.clients.internal;

import io.wellbase.clients.ClientFilterExtension;
import io.wellbase.platform.web.ApiException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The filters of the client list and its facets, turned into one parameterised WHERE clause over
 * the {@code c} alias. Filters on memberships and visits join in when those modules exist.
 */
record ClientFilter(
        UUID orgId,
        List<String> statuses,
        List<String> tags,
        List<String> sources,
        LocalDate joinedFrom,
        LocalDate joinedTo,
        Integer birthdayMonth,
        String q,
        Map<String, List<String>> extra,
        List<ClientFilterExtension> extensions) {

    static final Set<String> STATUSES = Set.of("lead", "active", "inactive", "suspended", "churned");

    ClientFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        tags = tags == null ? List.of() : List.copyOf(tags);
        sources = sources == null ? List.of() : List.copyOf(sources);
        for (String status : statuses) {
            if (!STATUSES.contains(status)) {
                throw ApiException.invalidField(
                        "status",
                        "must be one of "
                                + String.join(", ", STATUSES.stream().sorted().toList()));
            }
        }
        if (birthdayMonth != null && (birthdayMonth < 1 || birthdayMonth > 12)) {
            throw ApiException.invalidField("birthdayMonth", "must be between 1 and 12");
        }
        if (q != null && q.length() > 100) {
            throw ApiException.invalidField("q", "must be at most 100 characters");
        }
        q = q == null || q.isBlank() ? null : q.trim();
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** This filter without one dimension, so a facet counts the alternatives of that dimension. */
    ClientFilter without(String dimension) {
        Map<String, List<String>> otherExtra = new java.util.HashMap<>(extra);
        otherExtra.remove(dimension);
        return new ClientFilter(
                orgId,
                "status".equals(dimension) ? List.of() : statuses,
                "tag".equals(dimension) ? List.of() : tags,
                "source".equals(dimension) ? List.of() : sources,
                joinedFrom,
                joinedTo,
                birthdayMonth,
                q,
                otherExtra,
                extensions);
    }

    String where(MapSqlParameterSource params) {
        StringBuilder sql =
                new StringBuilder(" WHERE c.org_id = :orgId AND c.merged_into_id IS NULL AND c.erased_at IS NULL");
        params.addValue("orgId", orgId);
        if (!statuses.isEmpty()) {
            sql.append(" AND c.status IN (:statuses)");
            params.addValue("statuses", statuses);
        }
        if (!sources.isEmpty()) {
            sql.append(" AND c.source IN (:sources)");
            params.addValue("sources", sources);
        }
        if (!tags.isEmpty()) {
            // clients.tags mirrors client_tags (V26): the row a page walks already says, no probe per client.
            // Literals, as for q below: bound, the server soon keeps one generic plan for every tag, which neither
            // sees how rare a tag is nor folds the array, and builds ARRAY[$n] again for each row it walks
            // (measured: the status+tag page 5.8 ms bound against 2.7 ms with the literal, same plan and buffers).
            sql.append(" AND c.tags && ARRAY[")
                    .append(String.join(
                            ", ", tags.stream().map(t -> sqlLiteral("tag", t)).toList()))
                    .append("]::text[]");
        }
        if (joinedFrom != null) {
            sql.append(" AND c.created_at >= CAST(:joinedFrom AS date)");
            params.addValue("joinedFrom", joinedFrom);
        }
        if (joinedTo != null) {
            sql.append(" AND c.created_at < CAST(:joinedTo AS date) + 1");
            params.addValue("joinedTo", joinedTo);
        }
        if (birthdayMonth != null) {
            sql.append(" AND extract(month FROM c.birth_date)::int = :birthdayMonth");
            params.addValue("birthdayMonth", birthdayMonth);
        }
        if (q != null) {
            // The pattern is written into the statement as a literal, not bound: with a bound value the server
            // soon plans the statement once for any pattern, and that generic plan cannot see how few rows the
            // trigram index gives for this one (measured bound: 0.45-0.56 of the raw query's throughput).
            // Quotes are doubled and LIKE's wildcards escaped, so the text can only ever be a pattern.
            String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            sql.append(" AND c.search_text LIKE '%' || immutable_unaccent(lower(")
                    .append(sqlLiteral("q", escaped))
                    .append(")) || '%'");
        }
        for (ClientFilterExtension extension : extensions) {
            Map<String, List<String>> mine = new java.util.HashMap<>();
            extension.parameters().forEach(name -> {
                List<String> values = extra.get(name);
                if (values != null && !values.isEmpty()) {
                    mine.put(name, values);
                }
            });
            if (!mine.isEmpty()) {
                extension
                        .predicate(mine, params)
                        .ifPresent(predicate ->
                                sql.append(" AND (").append(predicate).append(')'));
            }
        }
        return sql.toString();
    }

    /** A standard SQL string literal (standard_conforming_strings is on: only quotes need doubling). */
    static String sqlLiteral(String field, String text) {
        if (text.indexOf('\0') >= 0) {
            throw ApiException.invalidField(field, "must not contain NUL");
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
