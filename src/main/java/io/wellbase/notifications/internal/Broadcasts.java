package io.wellbase.notifications.internal;

import io.wellbase.platform.data.Rows;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Messages staff send to clients, and what became of them (read off their in-app rows and deliveries). */
@Component
class Broadcasts {

    private final JdbcClient jdbc;

    Broadcasts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A broadcast as the API shows it, with its counts. */
    record Broadcast(
            UUID id,
            String title,
            String body,
            String audience,
            String status,
            int targeted,
            long inApp,
            long opened,
            long delivered,
            long failed,
            long waiting,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime completedAt) {}

    /** What the job needs. */
    record Job(UUID orgId, String title, String body, String audience) {}

    void create(UUID orgId, UUID id, String title, String body, String audienceJson, UUID by) {
        jdbc.sql("""
                INSERT INTO notification_broadcasts (id, org_id, title, body, audience, created_by)
                VALUES (:id, :org, :title, :body, CAST(:audience AS jsonb), :by)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("title", title)
                .param("body", body)
                .param("audience", audienceJson)
                .param("by", by)
                .update();
    }

    /** Claims a queued broadcast for its job; empty when it is not queued (done, or another node has it). */
    Optional<Job> start(UUID id) {
        return jdbc.sql("""
                UPDATE notification_broadcasts SET status = 'processing' WHERE id = :id AND status IN ('queued', 'processing')
                RETURNING org_id, title, body, audience::text AS audience
                """)
                .param("id", id)
                .query((rs, n) -> new Job(
                        rs.getObject("org_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("audience")))
                .optional();
    }

    void progress(UUID id, int targeted) {
        jdbc.sql("UPDATE notification_broadcasts SET targeted = :targeted WHERE id = :id")
                .param("id", id)
                .param("targeted", targeted)
                .update();
    }

    void finish(UUID id, String status) {
        jdbc.sql("UPDATE notification_broadcasts SET status = :status, completed_at = now() WHERE id = :id")
                .param("id", id)
                .param("status", status)
                .update();
    }

    Optional<Broadcast> find(UUID orgId, UUID id) {
        return jdbc.sql("""
                SELECT b.id, b.title, b.body, b.audience::text AS audience, b.status, b.targeted, b.created_at, b.completed_at,
                       (SELECT count(*) FROM notifications n WHERE n.org_id = b.org_id AND n.entity_id = b.id) AS in_app,
                       (SELECT count(*) FROM notifications n WHERE n.org_id = b.org_id AND n.entity_id = b.id
                          AND n.read_at IS NOT NULL) AS opened,
                       (SELECT count(*) FROM notification_deliveries d WHERE d.org_id = b.org_id AND d.entity_id = b.id
                          AND d.status = 'sent') AS delivered,
                       (SELECT count(*) FROM notification_deliveries d WHERE d.org_id = b.org_id AND d.entity_id = b.id
                          AND d.status = 'failed') AS failed,
                       (SELECT count(*) FROM notification_deliveries d WHERE d.org_id = b.org_id AND d.entity_id = b.id
                          AND d.status = 'queued') AS waiting
                FROM notification_broadcasts b WHERE b.org_id = :org AND b.id = :id
                """)
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Broadcast.class))
                .optional();
    }
}
