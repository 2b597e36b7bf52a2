package io.wellbase.care.internal.advisor;

import io.wellbase.care.internal.breathing.Technique;
import io.wellbase.care.internal.sharing.CareCategory;
import io.wellbase.care.internal.sharing.Sharing;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the advisor may answer from: the organization's own active programs, breathing techniques and products (their
 * descriptions, from commerce's published view), the client's
 * own active treatment plans, and their mood of the last 30 days when they share mood. Nothing else is given to a
 * model, and nothing of another client.
 */
@Component
class AdvisorContent {

    private final JdbcClient jdbc;
    private final Sharing sharing;

    AdvisorContent(JdbcClient jdbc, Sharing sharing) {
        this.jdbc = jdbc;
        this.sharing = sharing;
    }

    /** One thing the advisor can point to: {@code source} names it ({@code program:<id>}, {@code breathing:box}). */
    record Item(String source, String kind, String title, String text) {}

    record Context(
            String organization, List<Item> items, @Nullable String moodSummary) {}

    Context of(UUID org, UUID client) {
        List<Item> items = new ArrayList<>();
        jdbc.sql("""
                SELECT id, title, coalesce(description, ''), coalesce(category, '') FROM programs
                WHERE org_id = :org AND active ORDER BY title LIMIT 50
                """)
                .param("org", org)
                .query((rs, n) -> new Item(
                        "program:" + rs.getString(1),
                        "program",
                        rs.getString(2),
                        rs.getString(4) + " " + rs.getString(3)))
                .list()
                .forEach(items::add);
        for (Technique t : Technique.BUILT_IN) {
            items.add(new Item("breathing:" + t.code(), "breathing", t.name(), String.valueOf(t.description())));
        }
        jdbc.sql("""
                SELECT code, name, coalesce(description, '') FROM breathing_techniques WHERE org_id = :org AND active LIMIT 20
                """)
                .param("org", org)
                .query((rs, n) ->
                        new Item("breathing:" + rs.getString(1), "breathing", rs.getString(2), rs.getString(3)))
                .list()
                .forEach(items::add);
        jdbc.sql("""
                SELECT id, name, coalesce(description, '') FROM treatment_plans
                WHERE org_id = :org AND client_id = :client AND status = 'active' LIMIT 10
                """)
                .param("org", org)
                .param("client", client)
                .query((rs, n) ->
                        new Item("treatment:" + rs.getString(1), "treatment", rs.getString(2), rs.getString(3)))
                .list()
                .forEach(items::add);
        jdbc.sql("""
                SELECT id, title, coalesce(description, '') || ' ' || array_to_string(tags, ' ') FROM report_products
                WHERE org_id = :org AND active AND deleted_at IS NULL ORDER BY title LIMIT 50
                """)
                .param("org", org)
                .query((rs, n) -> new Item("product:" + rs.getString(1), "product", rs.getString(2), rs.getString(3)))
                .list()
                .forEach(items::add);
        String organization = jdbc.sql("SELECT name FROM report_organizations WHERE org_id = :org")
                .param("org", org)
                .query(String.class)
                .optional()
                .orElse("the studio");
        String mood = null;
        if (sharing.shares(org, client, CareCategory.MOOD)) {
            mood = jdbc.sql("""
                    SELECT 'average mood ' || round(avg(mood), 1) || ' of 5 over ' || count(*) || ' entries in 30 days'
                    FROM mood_entries WHERE org_id = :org AND client_id = :client AND local_date > current_date - 30
                    HAVING count(*) > 0
                    """)
                    .param("org", org)
                    .param("client", client)
                    .query(String.class)
                    .optional()
                    .orElse(null);
        }
        return new Context(organization, items, mood);
    }
}
