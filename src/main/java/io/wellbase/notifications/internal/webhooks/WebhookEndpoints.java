package io.wellbase.notifications.internal.webhooks;

import io.wellbase.platform.data.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organization's webhook endpoints with their signing secrets (two valid at once after a rotation). */
@Component
class WebhookEndpoints {

    private static final String COLUMNS = """
            id, url, description, event_types, enabled, disabled_reason, secret, previous_secret,
            previous_secret_until, created_at, updated_at""";

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Endpoint(
            UUID id,
            String url,
            @Nullable String description,
            List<String> eventTypes,
            boolean enabled,
            @Nullable String disabledReason,
            String secret,
            @Nullable String previousSecret,
            @Nullable OffsetDateTime previousSecretUntil,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        /** The secrets to sign with at {@code now}: the current one, and the previous one while it is valid. */
        List<String> signingSecrets(Instant now) {
            List<String> secrets = new ArrayList<>(List.of(secret));
            if (previousSecret != null
                    && previousSecretUntil != null
                    && previousSecretUntil.toInstant().isAfter(now)) {
                secrets.add(previousSecret);
            }
            return secrets;
        }
    }

    Endpoint create(UUID orgId, String url, @Nullable String description, List<String> eventTypes, boolean enabled) {
        return jdbc.sql("INSERT INTO webhook_endpoints (id, org_id, url, description, event_types, enabled, secret)"
                        + " VALUES (:id, :org, :url, :description, :types, :enabled, :secret) RETURNING " + COLUMNS)
                .param("id", Ids.newId())
                .param("org", orgId)
                .param("url", url)
                .param("description", description)
                .param("types", eventTypes.toArray(String[]::new))
                .param("enabled", enabled)
                .param("secret", WebhookSignature.newSecret())
                .query(WebhookEndpoints::endpoint)
                .single();
    }

    Optional<Endpoint> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(WebhookEndpoints::endpoint)
                .optional();
    }

    List<Endpoint> list(UUID orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE org_id = :org ORDER BY id")
                .param("org", orgId)
                .query(WebhookEndpoints::endpoint)
                .list();
    }

    /** The enabled endpoints subscribed to the event type. */
    List<UUID> subscribed(UUID orgId, String eventType) {
        return jdbc.sql("""
                SELECT id FROM webhook_endpoints WHERE org_id = :org AND enabled AND :type = ANY (event_types)
                """)
                .param("org", orgId)
                .param("type", eventType)
                .query(UUID.class)
                .list();
    }

    Endpoint update(UUID orgId, Endpoint changed) {
        return jdbc.sql("""
                        UPDATE webhook_endpoints SET url = :url, description = :description, event_types = :types,
                            enabled = :enabled, disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END,
                            updated_at = now()
                        WHERE org_id = :org AND id = :id RETURNING """ + " " + COLUMNS)
                .param("org", orgId)
                .param("id", changed.id())
                .param("url", changed.url())
                .param("description", changed.description())
                .param("types", changed.eventTypes().toArray(String[]::new))
                .param("enabled", changed.enabled())
                .query(WebhookEndpoints::endpoint)
                .single();
    }

    /** A new secret; the one before stays valid until {@code previousUntil}. */
    Endpoint rotate(UUID orgId, UUID id, Instant previousUntil) {
        return jdbc.sql("""
                        UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = :until,
                            secret = :secret, updated_at = now()
                        WHERE org_id = :org AND id = :id RETURNING """ + " " + COLUMNS)
                .param("org", orgId)
                .param("id", id)
                .param("until", java.sql.Timestamp.from(previousUntil))
                .param("secret", WebhookSignature.newSecret())
                .query(WebhookEndpoints::endpoint)
                .single();
    }

    /** The receiver answered 410 Gone: no more deliveries until someone enables it again. */
    void disable(UUID orgId, UUID id, String reason) {
        jdbc.sql("""
                UPDATE webhook_endpoints SET enabled = false, disabled_reason = :reason, updated_at = now()
                WHERE org_id = :org AND id = :id
                """)
                .param("org", orgId)
                .param("id", id)
                .param("reason", reason)
                .update();
    }

    boolean delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM webhook_endpoints WHERE org_id = :org AND id = :id")
                        .param("org", orgId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Endpoint endpoint(ResultSet rs, int n) throws SQLException {
        return new Endpoint(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                rs.getString("secret"),
                rs.getString("previous_secret"),
                rs.getObject("previous_secret_until", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
