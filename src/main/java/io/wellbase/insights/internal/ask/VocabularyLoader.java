package io.wellbase.insights.internal.ask;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an organization's names from the published views, for the parser to recognise; kept a minute per
 * organization (a class type created a moment ago is recognised within that minute).
 */
@Component
class VocabularyLoader {

    private static final int MAX = 500;

    private final JdbcClient jdbc;
    private final Cache<UUID, Vocabulary> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    VocabularyLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Vocabulary of(UUID org) {
        return recent.get(org, this::load);
    }

    @Transactional(readOnly = true)
    Vocabulary load(UUID org) {
        return new Vocabulary(
                names(
                        "SELECT DISTINCT name FROM report_class_types WHERE org_id = :org ORDER BY name LIMIT " + MAX,
                        org),
                names("SELECT DISTINCT name FROM report_locations WHERE org_id = :org ORDER BY name LIMIT " + MAX, org),
                names("""
                        SELECT DISTINCT u.first_name || ' ' || u.last_name AS name
                        FROM report_users u
                        WHERE u.erased_at IS NULL AND u.first_name IS NOT NULL
                          AND u.id IN (SELECT om.user_id FROM report_org_members om WHERE om.org_id = :org
                                       UNION
                                       SELECT cs.instructor_id FROM report_class_sessions cs WHERE cs.org_id = :org)
                        ORDER BY name LIMIT %d""".formatted(MAX), org),
                names(
                        "SELECT DISTINCT name FROM report_membership_plans WHERE org_id = :org ORDER BY name LIMIT "
                                + MAX,
                        org),
                names("""
                        SELECT DISTINCT t.name FROM report_clients c CROSS JOIN LATERAL unnest(c.tags) AS t(name)
                        WHERE c.org_id = :org AND c.merged_into_id IS NULL ORDER BY t.name LIMIT %d""".formatted(MAX), org));
    }

    private List<String> names(String sql, UUID org) {
        return jdbc.sql(sql).param("org", org).query(String.class).list();
    }
}
