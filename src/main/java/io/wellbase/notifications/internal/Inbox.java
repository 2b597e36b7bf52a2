package io.wellbase.notifications.internal;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.CursorPage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user's in-app notifications in one organization, newest first. */
@Component
class Inbox {

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    Inbox(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A notification as the API shows it. */
    record Notification(
            UUID id,
            String type,
            String category,
            String title,
            String body,
            @Nullable String entityType,
            @Nullable UUID entityId,
            @Nullable OffsetDateTime readAt,
            OffsetDateTime createdAt) {}

    /** A notification for a user, before it is written. */
    record Addressed(UUID userId, Message message) {}

    /** Adds many in one statement, skipping those whose dedupe key exists; answers how many it added. */
    int addAll(UUID orgId, List<Addressed> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<io.wellbase.notifications.InAppNotified> added = jdbc.sql("""
                INSERT INTO notifications (id, org_id, user_id, type, category, title, body, entity_type, entity_id, dedupe_key)
                SELECT r.id, :org, r.user_id, r.type, r.category, r.title, r.body, r.entity_type, r.entity_id, r.dedupe_key
                FROM unnest(CAST(:ids AS uuid[]), CAST(:users AS uuid[]), CAST(:types AS text[]), CAST(:categories AS text[]),
                            CAST(:titles AS text[]), CAST(:bodies AS text[]), CAST(:entityTypes AS text[]),
                            CAST(:entityIds AS uuid[]), CAST(:keys AS text[]))
                     AS r (id, user_id, type, category, title, body, entity_type, entity_id, dedupe_key)
                ON CONFLICT (org_id, dedupe_key) DO NOTHING
                RETURNING id, user_id, type, category, title, body
                """)
                .param("org", orgId)
                .param("ids", rows.stream().map(r -> Ids.newId()).toArray(UUID[]::new))
                .param("users", rows.stream().map(Addressed::userId).toArray(UUID[]::new))
                .param(
                        "types",
                        rows.stream().map(r -> r.message().type().value()).toArray(String[]::new))
                .param(
                        "categories",
                        rows.stream()
                                .map(r -> r.message().type().category().value())
                                .toArray(String[]::new))
                .param("titles", rows.stream().map(r -> r.message().title()).toArray(String[]::new))
                .param("bodies", rows.stream().map(r -> r.message().body()).toArray(String[]::new))
                .param(
                        "entityTypes",
                        rows.stream().map(r -> r.message().entityType()).toArray(String[]::new))
                .param(
                        "entityIds",
                        rows.stream().map(r -> r.message().entityId()).toArray(UUID[]::new))
                .param(
                        "keys",
                        rows.stream()
                                .map(r -> r.message().dedupeKey(Channel.IN_APP))
                                .toArray(String[]::new))
                .query((rs, n) -> new io.wellbase.notifications.InAppNotified(
                        orgId,
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        rs.getString("type"),
                        rs.getString("category"),
                        rs.getString("title"),
                        rs.getString("body"),
                        null))
                .list();
        added.forEach(events::publishEvent);
        return added.size();
    }

    CursorPage<Notification> page(
            UUID orgId, UUID userId, boolean unreadOnly, @Nullable Category category, @Nullable UUID before, int size) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, type, category, title, body, entity_type, entity_id, read_at, created_at FROM notifications
                WHERE org_id = :org AND user_id = :user
                """);
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("org", orgId).addValue("user", userId);
        if (unreadOnly) {
            sql.append(" AND read_at IS NULL");
        }
        if (category != null) {
            sql.append(" AND category = :category");
            params.addValue("category", category.value());
        }
        if (before != null) {
            sql.append(" AND id < :before");
            params.addValue("before", before);
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.addValue("limit", size + 1);
        List<Notification> rows = jdbc.sql(sql.toString())
                .paramSource(params)
                .query(Rows.of(Notification.class))
                .list();
        return CursorPage.fromLookahead(rows, size, Notification::id);
    }

    long unread(UUID orgId, UUID userId) {
        return jdbc.sql(
                        "SELECT count(*) FROM notifications WHERE org_id = :org AND user_id = :user AND read_at IS NULL")
                .param("org", orgId)
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** Marks one read (keeping the first time it was read); empty when it is not this user's. */
    Optional<Notification> markRead(UUID orgId, UUID userId, UUID id) {
        Optional<Notification> read = jdbc.sql("""
                UPDATE notifications SET read_at = coalesce(read_at, now())
                WHERE org_id = :org AND user_id = :user AND id = :id
                RETURNING id, type, category, title, body, entity_type, entity_id, read_at, created_at
                """)
                .param("org", orgId)
                .param("user", userId)
                .param("id", id)
                .query(Rows.of(Notification.class))
                .optional();
        read.ifPresent(n -> events.publishEvent(new io.wellbase.notifications.InAppNotified(
                orgId, userId, n.id(), n.type(), n.category(), null, null, n.readAt())));
        return read;
    }

    int markAllRead(UUID orgId, UUID userId) {
        int marked = jdbc.sql("""
                UPDATE notifications SET read_at = now() WHERE org_id = :org AND user_id = :user AND read_at IS NULL
                """).param("org", orgId).param("user", userId).update();
        if (marked > 0) {
            events.publishEvent(
                    new io.wellbase.notifications.InAppNotified(orgId, userId, null, null, null, null, null, null));
        }
        return marked;
    }

    boolean delete(UUID orgId, UUID userId, UUID id) {
        return jdbc.sql("DELETE FROM notifications WHERE org_id = :org AND user_id = :user AND id = :id")
                        .param("org", orgId)
                        .param("user", userId)
                        .param("id", id)
                        .update()
                == 1;
    }
}
