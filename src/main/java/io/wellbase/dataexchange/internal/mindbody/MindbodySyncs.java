package io.wellbase.dataexchange.internal.mindbody;

import io.wellbase.platform.data.Ids;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The syncs of an organization's Mindbody site, with the steps each took (one import per kind). */
@Component
class MindbodySyncs {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MindbodySyncs(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Sync(
            UUID id,
            UUID orgId,
            UUID requestedBy,
            String trigger,
            String status,
            JsonNode steps,
            @Nullable String error,
            int requests,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime finishedAt) {}

    private static final String SELECT = """
            SELECT id, org_id, requested_by, trigger, status, steps::text AS steps, error, requests, created_at,
                   finished_at
            FROM mindbody_syncs
            """;

    /** A new queued sync, unless one of the organization is queued or running (then that one). */
    Sync queue(UUID orgId, UUID userId, String trigger) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('mindbody-sync:' || :org, 0))")
                .param("org", orgId.toString())
                .query((rs, n) -> 1)
                .list();
        Optional<Sync> active = active(orgId);
        if (active.isPresent()) {
            return active.get();
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO mindbody_syncs (id, org_id, requested_by, trigger, status)
                VALUES (:id, :org, :user, :trigger, 'queued')
                """)
                .param("id", id)
                .param("org", orgId)
                .param("user", userId)
                .param("trigger", trigger)
                .update();
        return find(id).orElseThrow();
    }

    Optional<Sync> active(UUID orgId) {
        return jdbc.sql(SELECT
                        + " WHERE org_id = :org AND status IN ('queued', 'processing') ORDER BY created_at LIMIT 1")
                .param("org", orgId)
                .query((rs, n) -> sync(rs))
                .optional();
    }

    Optional<Sync> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> sync(rs))
                .optional();
    }

    Optional<Sync> find(UUID orgId, UUID id) {
        return find(id).filter(s -> s.orgId().equals(orgId));
    }

    List<Sync> recent(UUID orgId, int limit) {
        return jdbc.sql(SELECT + " WHERE org_id = :org ORDER BY created_at DESC LIMIT :limit")
                .param("org", orgId)
                .param("limit", limit)
                .query((rs, n) -> sync(rs))
                .list();
    }

    void start(UUID id) {
        jdbc.sql("UPDATE mindbody_syncs SET status = 'processing' WHERE id = :id")
                .param("id", id)
                .update();
    }

    void progress(UUID id, List<Map<String, Object>> steps) {
        jdbc.sql("UPDATE mindbody_syncs SET steps = CAST(:steps AS jsonb) WHERE id = :id")
                .param("id", id)
                .param("steps", json.writeValueAsString(steps))
                .update();
    }

    void requests(UUID id, int requests) {
        jdbc.sql("UPDATE mindbody_syncs SET requests = :n WHERE id = :id")
                .param("id", id)
                .param("n", requests)
                .update();
    }

    /** Ends a sync once: a failed step's end is kept when the run finishes after it. */
    void finish(UUID id, String status, List<Map<String, Object>> steps, @Nullable String error, int requests) {
        jdbc.sql("""
                UPDATE mindbody_syncs SET status = :status, steps = CAST(:steps AS jsonb), error = :error,
                       requests = greatest(requests, :n), finished_at = now()
                WHERE id = :id AND status = 'processing'
                """)
                .param("id", id)
                .param("status", status)
                .param("steps", json.writeValueAsString(steps))
                .param("error", error)
                .param("n", requests)
                .update();
    }

    private Sync sync(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Sync(
                rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getObject("requested_by", UUID.class),
                rs.getString("trigger"),
                rs.getString("status"),
                json.readTree(rs.getString("steps")),
                rs.getString("error"),
                rs.getInt("requests"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }
}
