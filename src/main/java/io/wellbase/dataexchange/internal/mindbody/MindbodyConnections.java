package io.wellbase.dataexchange.internal.mindbody;

import io.wellbase.identity.SecretsAtRest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** An organization's Mindbody site: its credentials sealed at rest, and how far each kind has been synced. */
@Component
class MindbodyConnections {

    private static final String SELECT = """
            SELECT org_id, site_id, api_key, staff_token, webhook_key, synced_through::text AS synced,
                   connected_by, updated_at
            FROM mindbody_connections
            """;

    private final JdbcClient jdbc;
    private final SecretsAtRest secrets;
    private final ObjectMapper json;

    MindbodyConnections(JdbcClient jdbc, SecretsAtRest secrets, ObjectMapper json) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.json = json;
    }

    record Connection(
            UUID orgId,
            MindbodyApi.Site site,
            @Nullable String webhookKey,
            Map<String, Instant> syncedThrough,
            UUID connectedBy,
            OffsetDateTime updatedAt) {}

    /** Connects the site, or replaces its credentials; what was synced stays when the site is the same. */
    void save(UUID orgId, UUID userId, String siteId, String apiKey, String staffToken, @Nullable String webhookKey) {
        jdbc.sql("""
                INSERT INTO mindbody_connections (org_id, site_id, api_key, staff_token, webhook_key, connected_by)
                VALUES (:org, :site, :key, :token, :hook, :user)
                ON CONFLICT (org_id) DO UPDATE SET
                    synced_through = CASE WHEN mindbody_connections.site_id = EXCLUDED.site_id
                                          THEN mindbody_connections.synced_through ELSE '{}' END,
                    site_id = EXCLUDED.site_id, api_key = EXCLUDED.api_key, staff_token = EXCLUDED.staff_token,
                    webhook_key = EXCLUDED.webhook_key, connected_by = EXCLUDED.connected_by, updated_at = now()
                """)
                .param("org", orgId)
                .param("site", siteId)
                .param("key", seal(orgId, "api_key", apiKey))
                .param("token", seal(orgId, "staff_token", staffToken))
                .param("hook", webhookKey == null ? null : seal(orgId, "webhook_key", webhookKey))
                .param("user", userId)
                .update();
    }

    Optional<Connection> find(UUID orgId) {
        return jdbc.sql(SELECT + " WHERE org_id = :org")
                .param("org", orgId)
                .query((rs, n) -> connection(rs))
                .optional();
    }

    Optional<Connection> findBySite(String siteId) {
        return jdbc.sql(SELECT + " WHERE site_id = :site")
                .param("site", siteId)
                .query((rs, n) -> connection(rs))
                .optional();
    }

    void syncedThrough(UUID orgId, String kind, Instant through) {
        jdbc.sql("""
                UPDATE mindbody_connections
                SET synced_through = synced_through || jsonb_build_object(CAST(:kind AS text), CAST(:through AS text))
                WHERE org_id = :org
                """)
                .param("org", orgId)
                .param("kind", kind)
                .param("through", through.toString())
                .update();
    }

    boolean delete(UUID orgId) {
        return jdbc.sql("DELETE FROM mindbody_connections WHERE org_id = :org")
                        .param("org", orgId)
                        .update()
                > 0;
    }

    private Connection connection(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID org = rs.getObject("org_id", UUID.class);
        byte[] hook = rs.getBytes("webhook_key");
        Map<String, Instant> synced = new HashMap<>();
        json.readTree(rs.getString("synced"))
                .properties()
                .forEach(e -> synced.put(e.getKey(), Instant.parse(e.getValue().asString())));
        return new Connection(
                org,
                new MindbodyApi.Site(
                        rs.getString("site_id"),
                        open(org, "api_key", rs.getBytes("api_key")),
                        open(org, "staff_token", rs.getBytes("staff_token"))),
                hook == null ? null : open(org, "webhook_key", hook),
                synced,
                rs.getObject("connected_by", UUID.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private byte[] seal(UUID org, String field, String secret) {
        return secrets.seal("mindbody:" + org + ":" + field, secret.getBytes(StandardCharsets.UTF_8));
    }

    private String open(UUID org, String field, byte[] sealed) {
        return new String(secrets.open("mindbody:" + org + ":" + field, sealed), StandardCharsets.UTF_8);
    }
}
