package io.wellbase.care.internal.skin;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Skin analyses. */
@Component
public class SkinStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SkinStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Analysis(
            UUID id,
            UUID clientId,
            List<UUID> imageFileIds,
            JsonNode metadata,
            String status,
            @Nullable JsonNode result,
            @Nullable String reason,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime doneAt) {}

    void insert(UUID org, UUID id, UUID client, List<UUID> files, JsonNode metadata, UUID by) {
        jdbc.sql("""
                INSERT INTO skin_analyses (id, org_id, client_id, image_file_ids, metadata, status, created_by)
                VALUES (:id, :org, :client, :files, CAST(:metadata AS jsonb), 'queued', :by)
                """)
                .param("id", id)
                .param("org", org)
                .param("client", client)
                .param("files", files.toArray(UUID[]::new))
                .param("metadata", json.writeValueAsString(metadata))
                .param("by", by)
                .update();
    }

    boolean finish(UUID org, UUID id, String status, @Nullable Object result, @Nullable String reason) {
        return jdbc.sql("""
                UPDATE skin_analyses SET status = :status, result = CAST(:result AS jsonb), reason = :reason, done_at = now()
                WHERE org_id = :org AND id = :id AND status = 'queued'
                """)
                        .param("org", org)
                        .param("id", id)
                        .param("status", status)
                        .param("result", result == null ? null : json.writeValueAsString(result))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    Optional<Analysis> find(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM skin_analyses WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(this::analysis)
                .optional();
    }

    Optional<UUID> orgOf(UUID id) {
        return jdbc.sql("SELECT org_id FROM skin_analyses WHERE id = :id")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    /** The client's latest finished analysis before this one, to compare with. */
    Optional<Analysis> previous(UUID org, UUID client, UUID before) {
        return jdbc.sql("""
                SELECT * FROM skin_analyses
                WHERE org_id = :org AND client_id = :client AND status = 'done' AND id <> :before
                  AND created_at <= (SELECT created_at FROM skin_analyses WHERE id = :before)
                ORDER BY created_at DESC LIMIT 1
                """)
                .param("org", org)
                .param("client", client)
                .param("before", before)
                .query(this::analysis)
                .optional();
    }

    List<Analysis> ofClient(UUID org, UUID client, int limit) {
        return jdbc.sql(
                        "SELECT * FROM skin_analyses WHERE org_id = :org AND client_id = :client ORDER BY created_at DESC LIMIT :limit")
                .param("org", org)
                .param("client", client)
                .param("limit", limit)
                .query(this::analysis)
                .list();
    }

    public void forget(UUID org, UUID client) {
        jdbc.sql("DELETE FROM skin_analyses WHERE org_id = :org AND client_id = :c")
                .param("org", org)
                .param("c", client)
                .update();
    }

    public void move(UUID org, UUID from, UUID to) {
        jdbc.sql("UPDATE skin_analyses SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
    }

    private Analysis analysis(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String result = rs.getString("result");
        return new Analysis(
                rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class),
                Arrays.asList((UUID[]) rs.getArray("image_file_ids").getArray()),
                json.readTree(rs.getString("metadata")),
                rs.getString("status"),
                result == null ? null : json.readTree(result),
                rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("done_at", OffsetDateTime.class));
    }
}
