package io.wellbase.notifications.internal;

import io.wellbase.platform.data.Rows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organization's own wording of notification types, per language. */
@Component
class TemplateOverrides {

    private record Key(UUID orgId, String language) {}

    private final JdbcClient jdbc;
    // read for every batch of messages: kept as briefly as the organization's settings, dropped here on a change
    private final com.github.benmanes.caffeine.cache.Cache<Key, Map<String, Templates.Text>> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(OrganizationNotificationSettings.CACHED_FOR)
                    .maximumSize(10_000)
                    .build();

    TemplateOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Override(String type, String language, String title, String body) {}

    /** The organization's overrides in a language, by type value. */
    Map<String, Templates.Text> of(UUID orgId, String language) {
        return cache.get(new Key(orgId, language), k -> read(k.orgId(), k.language()));
    }

    private Map<String, Templates.Text> read(UUID orgId, String language) {
        Map<String, Templates.Text> found = new HashMap<>();
        jdbc.sql("SELECT type, title, body FROM notification_templates WHERE org_id = :org AND language = :language")
                .param("org", orgId)
                .param("language", language)
                .query((rs, n) -> Map.entry(
                        rs.getString("type"), new Templates.Text(rs.getString("title"), rs.getString("body"))))
                .list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return Map.copyOf(found);
    }

    private void forget(UUID orgId, String language) {
        Key key = new Key(orgId, language);
        cache.invalidate(key);
        io.wellbase.platform.data.AfterCommit.run(() -> cache.invalidate(key));
    }

    List<Override> all(UUID orgId) {
        return jdbc.sql(
                        "SELECT type, language, title, body FROM notification_templates WHERE org_id = :org ORDER BY type, language")
                .param("org", orgId)
                .query(Rows.of(Override.class))
                .list();
    }

    void save(UUID orgId, Override o) {
        jdbc.sql("""
                INSERT INTO notification_templates (org_id, type, language, title, body) VALUES (:org, :type, :language, :title, :body)
                ON CONFLICT (org_id, type, language) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = now()
                """)
                .param("org", orgId)
                .param("type", o.type())
                .param("language", o.language())
                .param("title", o.title())
                .param("body", o.body())
                .update();
        forget(orgId, o.language());
    }

    boolean delete(UUID orgId, String type, String language) {
        forget(orgId, language);
        return jdbc.sql(
                                "DELETE FROM notification_templates WHERE org_id = :org AND type = :type AND language = :language")
                        .param("org", orgId)
                        .param("type", type)
                        .param("language", language)
                        .update()
                == 1;
    }
}
