package io.wellbase.notifications.internal.webhooks;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.CursorPage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One delivery per event and endpoint: its id is the {@code webhook-id} the receiver sees on every
 * attempt, so a receiver can drop a repeat. Every attempt is logged.
 */
@Component
class WebhookDeliveries {

    private static final String COLUMNS = """
            id, endpoint_id, event_type, payload, status, attempts, next_attempt_at, last_status_code, last_error,
            created_at, delivered_at""";

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Delivery(
            UUID id,
            UUID endpointId,
            String eventType,
            String payload,
            String status,
            int attempts,
            OffsetDateTime nextAttemptAt,
            @Nullable Integer lastStatusCode,
            @Nullable String lastError,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime deliveredAt) {}

    record Attempt(
            int attempt,
            OffsetDateTime attemptedAt,
            @Nullable Integer statusCode,
            int durationMs,
            @Nullable String error) {}

    /** A delivery the dispatcher leased, with what it needs to send it. */
    record Leased(UUID id, UUID orgId, UUID endpointId, String payload, int attempts) {}

    void queue(UUID orgId, UUID endpointId, String eventType, String dedupeKey, String payload) {
        jdbc.sql("""
                INSERT INTO webhook_deliveries (id, org_id, endpoint_id, event_type, dedupe_key, payload)
                VALUES (:id, :org, :endpoint, :type, :key, :payload)
                ON CONFLICT (endpoint_id, dedupe_key) DO NOTHING
                """)
                .param("id", Ids.newId())
                .param("org", orgId)
                .param("endpoint", endpointId)
                .param("type", eventType)
                .param("key", dedupeKey)
                .param("payload", payload)
                .update();
    }

    /**
     * Leases due deliveries: their next attempt moves {@code lease} ahead and commits at once, so the HTTP
     * calls happen outside any transaction; a node that dies mid-call leaves the delivery to be sent again
     * after the lease, with the same {@code webhook-id}.
     */
    List<Leased> lease(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE webhook_deliveries d SET next_attempt_at = :until
                FROM (SELECT id FROM webhook_deliveries WHERE status = 'queued' AND next_attempt_at <= :now
                      ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.org_id, d.endpoint_id, d.payload, d.attempts
                """)
                .param("now", java.sql.Timestamp.from(now))
                .param("until", java.sql.Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query((rs, n) -> new Leased(
                        rs.getObject("id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        rs.getObject("endpoint_id", UUID.class),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
    }

    void logAttempt(Leased d, Instant at, @Nullable Integer statusCode, long durationMs, @Nullable String error) {
        jdbc.sql("""
                INSERT INTO webhook_attempts (id, org_id, delivery_id, attempt, attempted_at, status_code, duration_ms, error)
                VALUES (:id, :org, :delivery, :attempt, :at, :code, :ms, :error)
                """)
                .param("id", Ids.newId())
                .param("org", d.orgId())
                .param("delivery", d.id())
                .param("attempt", d.attempts() + 1)
                .param("at", java.sql.Timestamp.from(at))
                .param("code", statusCode)
                .param("ms", (int) Math.min(durationMs, Integer.MAX_VALUE))
                .param("error", error)
                .update();
    }

    void settle(UUID id, String status, @Nullable Integer statusCode, @Nullable String error, @Nullable Instant next) {
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1, last_status_code = :code,
                    last_error = :error, next_attempt_at = coalesce(:next, next_attempt_at),
                    delivered_at = CASE WHEN :status = 'sent' THEN now() ELSE delivered_at END
                WHERE id = :id
                """)
                .param("id", id)
                .param("status", status)
                .param("code", statusCode)
                .param("error", error)
                .param("next", next == null ? null : java.sql.Timestamp.from(next))
                .update();
    }

    Optional<Delivery> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Delivery.class))
                .optional();
    }

    List<Attempt> attempts(UUID orgId, UUID deliveryId) {
        return jdbc.sql("""
                SELECT attempt, attempted_at, status_code, duration_ms, error FROM webhook_attempts
                WHERE org_id = :org AND delivery_id = :id ORDER BY attempt, attempted_at
                """)
                .param("org", orgId)
                .param("id", deliveryId)
                .query(Rows.of(Attempt.class))
                .list();
    }

    CursorPage<Delivery> page(UUID orgId, UUID endpointId, @Nullable UUID before, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("org", orgId)
                .addValue("endpoint", endpointId)
                .addValue("limit", size + 1);
        String sql = "SELECT " + COLUMNS + " FROM webhook_deliveries WHERE org_id = :org AND endpoint_id = :endpoint";
        if (before != null) {
            sql += " AND id < :before";
            params.addValue("before", before);
        }
        List<Delivery> rows = jdbc.sql(sql + " ORDER BY id DESC LIMIT :limit")
                .paramSource(params)
                .query(Rows.of(Delivery.class))
                .list();
        return CursorPage.fromLookahead(rows, size, Delivery::id);
    }

    /** Queues one delivery again, due now, with a fresh round of attempts; the webhook-id stays. */
    Optional<Delivery> replay(UUID orgId, UUID id, Instant now) {
        return jdbc.sql("UPDATE webhook_deliveries SET status = 'queued', attempts = 0, next_attempt_at = :now"
                        + " WHERE org_id = :org AND id = :id RETURNING " + COLUMNS)
                .param("org", orgId)
                .param("id", id)
                .param("now", java.sql.Timestamp.from(now))
                .query(Rows.of(Delivery.class))
                .optional();
    }

    /** Queues again every delivery of the endpoint created since {@code since}; answers how many. */
    int resendSince(UUID orgId, UUID endpointId, Instant since, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'queued', attempts = 0, next_attempt_at = :now
                WHERE org_id = :org AND endpoint_id = :endpoint AND created_at >= :since
                """)
                .param("org", orgId)
                .param("endpoint", endpointId)
                .param("since", java.sql.Timestamp.from(since))
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }
}
