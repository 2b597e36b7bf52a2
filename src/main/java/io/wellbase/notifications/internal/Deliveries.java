package io.wellbase.notifications.internal;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.CursorPage;
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
 * The outbox of the email, SMS and push channels: one row per message, recipient and channel under a
 * dedupe key, claimed by the dispatcher when due, retried with backoff, failed after the last attempt.
 */
@Component
class Deliveries {

    private static final String COLUMNS = """
            id, channel, type, category, recipient, client_id, user_id, subject,
            CASE WHEN category = 'account' THEN NULL ELSE body END AS body, status, attempts,
            next_attempt_at, last_error, provider_id, created_at, sent_at""";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery as admins see it; an account email's body (it carries a token) is not shown. */
    record Delivery(
            UUID id,
            String channel,
            String type,
            String category,
            String recipient,
            @Nullable UUID clientId,
            @Nullable UUID userId,
            String subject,
            @Nullable String body,
            String status,
            int attempts,
            OffsetDateTime nextAttemptAt,
            @Nullable String lastError,
            @Nullable String providerId,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime sentAt) {}

    /** A message the dispatcher holds: the row's id and what the channel needs. */
    record Due(
            UUID id,
            @Nullable UUID orgId,
            Channel channel,
            String type,
            String recipient,
            @Nullable UUID clientId,
            @Nullable UUID userId,
            Category category,
            String subject,
            String body,
            int attempts) {}

    /** A message for a channel and recipient, before it is queued. */
    record Queued(
            Message message,
            Channel channel,
            String recipient,
            @Nullable UUID userId,
            Instant notBefore) {}

    /** One message that is not about a client (an account email), before it is queued. */
    record Single(
            @Nullable UUID orgId,
            NotificationType type,
            String recipient,
            @Nullable UUID userId,
            String subject,
            String body,
            String dedupeKey,
            Instant notBefore) {}

    /** Queues one message, unless its dedupe key exists; answers whether it queued it. */
    boolean queueOne(Single row) {
        Channel channel = row.type().defaultChannels().iterator().next();
        return jdbc.sql("""
                INSERT INTO notification_deliveries (id, org_id, channel, type, category, recipient, user_id, subject,
                                                     body, dedupe_key, next_attempt_at)
                VALUES (:id, :org, :channel, :type, :category, :recipient, :user, :subject, :body, :key, :notBefore)
                ON CONFLICT (org_id, dedupe_key) DO NOTHING
                """)
                        .param("id", Ids.newId())
                        .param("org", row.orgId())
                        .param("channel", channel.value())
                        .param("type", row.type().value())
                        .param("category", row.type().category().value())
                        .param("recipient", row.recipient())
                        .param("user", row.userId())
                        .param("subject", row.subject())
                        .param("body", row.body())
                        .param("key", row.dedupeKey())
                        .param("notBefore", java.sql.Timestamp.from(row.notBefore()))
                        .update()
                == 1;
    }

    /** Queues many in one statement, skipping those whose dedupe key exists; answers how many it queued. */
    int queueAll(UUID orgId, List<Queued> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                INSERT INTO notification_deliveries (id, org_id, channel, type, category, recipient, client_id, user_id,
                                                     subject, body, dedupe_key, next_attempt_at, entity_id)
                SELECT r.id, :org, r.channel, r.type, r.category, r.recipient, r.client_id, r.user_id, r.subject, r.body,
                       r.dedupe_key, r.not_before, r.entity_id
                FROM unnest(CAST(:ids AS uuid[]), CAST(:channels AS text[]), CAST(:types AS text[]), CAST(:categories AS text[]),
                            CAST(:recipients AS text[]), CAST(:clients AS uuid[]), CAST(:users AS uuid[]),
                            CAST(:subjects AS text[]), CAST(:bodies AS text[]), CAST(:keys AS text[]),
                            CAST(:notBefore AS timestamptz[]), CAST(:entities AS uuid[]))
                     AS r (id, channel, type, category, recipient, client_id, user_id, subject, body, dedupe_key, not_before,
                           entity_id)
                ON CONFLICT (org_id, dedupe_key) DO NOTHING
                """)
                .param("org", orgId)
                .param("ids", rows.stream().map(r -> Ids.newId()).toArray(UUID[]::new))
                .param("channels", rows.stream().map(r -> r.channel().value()).toArray(String[]::new))
                .param(
                        "types",
                        rows.stream().map(r -> r.message().type().value()).toArray(String[]::new))
                .param(
                        "categories",
                        rows.stream()
                                .map(r -> r.message().type().category().value())
                                .toArray(String[]::new))
                .param("recipients", rows.stream().map(Queued::recipient).toArray(String[]::new))
                .param("clients", rows.stream().map(r -> r.message().clientId()).toArray(UUID[]::new))
                .param("users", rows.stream().map(Queued::userId).toArray(UUID[]::new))
                .param("subjects", rows.stream().map(r -> r.message().title()).toArray(String[]::new))
                .param("bodies", rows.stream().map(r -> r.message().body()).toArray(String[]::new))
                .param(
                        "keys",
                        rows.stream()
                                .map(r -> r.message().dedupeKey(r.channel()))
                                .toArray(String[]::new))
                .param(
                        "notBefore",
                        rows.stream()
                                .map(r -> java.sql.Timestamp.from(r.notBefore()))
                                .toArray(java.sql.Timestamp[]::new))
                .param(
                        "entities",
                        rows.stream().map(r -> r.message().entityId()).toArray(UUID[]::new))
                .update();
    }

    /** Due messages, locked for this transaction; rows another node holds are skipped, not waited for. */
    List<Due> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, org_id, channel, type, recipient, client_id, user_id, category, subject, body, attempts
                FROM notification_deliveries
                WHERE status = 'queued' AND next_attempt_at <= :now
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .param("now", java.sql.Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        Channel.of(rs.getString("channel")),
                        rs.getString("type"),
                        rs.getString("recipient"),
                        rs.getObject("client_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        Category.parse(rs.getString("category")).orElse(Category.BOOKINGS),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    void markSent(UUID id, @Nullable String providerId, Instant at) {
        jdbc.sql("""
                UPDATE notification_deliveries SET status = 'sent', attempts = attempts + 1, sent_at = :at,
                    provider_id = :provider, last_error = NULL
                WHERE id = :id
                """)
                .param("id", id)
                .param("provider", providerId)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /**
     * Marks many handled in one statement (channels that answer no provider id): {@code sent}, or
     * {@code logged} when no provider is configured and the message only went to the log.
     */
    void markAllHandled(List<UUID> ids, DeliveryStatus status, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE notification_deliveries SET status = :status, attempts = attempts + 1, sent_at = :at,
                    last_error = NULL
                WHERE id = ANY (CAST(:ids AS uuid[]))
                """)
                .param("ids", ids.toArray(UUID[]::new))
                .param("status", status.value())
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** Holds a message back until {@code until} without counting an attempt. */
    void defer(UUID id, Instant until) {
        jdbc.sql("UPDATE notification_deliveries SET next_attempt_at = :until WHERE id = :id")
                .param("id", id)
                .param("until", java.sql.Timestamp.from(until))
                .update();
    }

    void markRetry(UUID id, String error, Instant next) {
        jdbc.sql("""
                UPDATE notification_deliveries SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                WHERE id = :id
                """)
                .param("id", id)
                .param("error", truncate(error))
                .param("next", java.sql.Timestamp.from(next))
                .update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("""
                UPDATE notification_deliveries SET status = 'failed', attempts = attempts + 1, last_error = :error
                WHERE id = :id
                """).param("id", id).param("error", truncate(error)).update();
    }

    /** The provider reported it could not deliver a message it had taken (by its id for the message). */
    int markFailedByProvider(String providerId, String error) {
        return jdbc.sql("""
                UPDATE notification_deliveries SET status = 'failed', last_error = :error
                WHERE provider_id = :provider AND status = 'sent'
                """)
                .param("provider", providerId)
                .param("error", truncate(error))
                .update();
    }

    /** Puts a failed delivery back in the queue, due now, with a fresh round of attempts. */
    Optional<Delivery> retry(UUID orgId, UUID id, Instant now) {
        return jdbc.sql("UPDATE notification_deliveries SET status = 'queued', attempts = 0, next_attempt_at = :now"
                        + " WHERE org_id = :org AND id = :id AND status = 'failed' RETURNING " + COLUMNS)
                .param("org", orgId)
                .param("id", id)
                .param("now", java.sql.Timestamp.from(now))
                .query(Rows.of(Delivery.class))
                .optional();
    }

    Optional<Delivery> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_deliveries WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Delivery.class))
                .optional();
    }

    CursorPage<Delivery> page(
            UUID orgId, @Nullable DeliveryStatus status, @Nullable Channel channel, @Nullable UUID before, int size) {
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM notification_deliveries WHERE org_id = :org");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("org", orgId);
        if (status != null) {
            sql.append(" AND status = :status");
            params.addValue("status", status.value());
        }
        if (channel != null) {
            sql.append(" AND channel = :channel");
            params.addValue("channel", channel.value());
        }
        if (before != null) {
            sql.append(" AND id < :before");
            params.addValue("before", before);
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.addValue("limit", size + 1);
        List<Delivery> rows = jdbc.sql(sql.toString())
                .paramSource(params)
                .query(Rows.of(Delivery.class))
                .list();
        return CursorPage.fromLookahead(rows, size, Delivery::id);
    }

    /**
     * Retention: blanks the bodies of handled account emails (their tokens have expired by then) after
     * {@code secrets}, and deletes handled rows after {@code rows}. Answers the two counts.
     */
    int[] purge(java.time.Duration secrets, java.time.Duration rows) {
        int bodies = jdbc.sql("""
                UPDATE notification_deliveries SET body = '', body_purged_at = now()
                WHERE status <> 'queued' AND category = 'account' AND body_purged_at IS NULL
                  AND created_at < now() - make_interval(secs => :keep)
                """).param("keep", secrets.toSeconds()).update();
        int deleted = jdbc.sql("""
                DELETE FROM notification_deliveries
                WHERE status <> 'queued' AND created_at < now() - make_interval(secs => :keep)
                """).param("keep", rows.toSeconds()).update();
        return new int[] {bodies, deleted};
    }

    private static String truncate(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
