package io.wellbase.care.internal.advisor;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The advisor's sessions. */
@Component
public class AdvisorStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AdvisorStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Session(
            UUID id,
            UUID clientId,
            UUID userId,
            String type,
            String input,
            String status,
            @Nullable String method,
            @Nullable String answer,
            List<String> sources,
            @Nullable String crisisCategory,
            @Nullable UUID supportSessionId,
            @Nullable Integer rating,
            @Nullable String feedback,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime answeredAt) {}

    void insert(UUID org, Session s) {
        jdbc.sql("""
                INSERT INTO ai_sessions (id, org_id, client_id, user_id, type, input, status, method, answer,
                    crisis_category, support_session_id, answered_at)
                VALUES (:id, :org, :client, :user, :type, :input, :status, :method, :answer, :crisis, :support, :answeredAt)
                """)
                .param("id", s.id())
                .param("org", org)
                .param("client", s.clientId())
                .param("user", s.userId())
                .param("type", s.type())
                .param("input", s.input())
                .param("status", s.status())
                .param("method", s.method())
                .param("answer", s.answer())
                .param("crisis", s.crisisCategory())
                .param("support", s.supportSessionId())
                .param("answeredAt", s.answeredAt())
                .update();
    }

    /** Stores the answer of a queued session; false when it was answered already (a job run twice). */
    boolean answer(UUID org, UUID id, String status, String method, String answer, List<String> sources) {
        return jdbc.sql("""
                UPDATE ai_sessions SET status = :status, method = :method, answer = :answer,
                    sources = CAST(:sources AS jsonb), answered_at = now()
                WHERE org_id = :org AND id = :id AND status = 'queued'
                """)
                        .param("org", org)
                        .param("id", id)
                        .param("status", status)
                        .param("method", method)
                        .param("answer", answer)
                        .param("sources", json.writeValueAsString(sources))
                        .update()
                == 1;
    }

    void feedback(UUID org, UUID id, int rating, @Nullable String comment) {
        jdbc.sql("UPDATE ai_sessions SET rating = :rating, feedback = :comment WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .param("rating", rating)
                .param("comment", comment)
                .update();
    }

    Optional<Session> find(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM ai_sessions WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(this::session)
                .optional();
    }

    /** Finds a session by id alone, for the job (which knows no organization before it reads the row). */
    Optional<UUID> orgOf(UUID id) {
        return jdbc.sql("SELECT org_id FROM ai_sessions WHERE id = :id")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    public void forget(UUID org, UUID client) {
        jdbc.sql("DELETE FROM ai_sessions WHERE org_id = :org AND client_id = :c")
                .param("org", org)
                .param("c", client)
                .update();
    }

    public void move(UUID org, UUID from, UUID to) {
        jdbc.sql("UPDATE ai_sessions SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
    }

    private Session session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Session(
                rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("type"),
                rs.getString("input"),
                rs.getString("status"),
                rs.getString("method"),
                rs.getString("answer"),
                json.readValue(rs.getString("sources"), new TypeReference<List<String>>() {}),
                rs.getString("crisis_category"),
                rs.getObject("support_session_id", UUID.class),
                (Integer) rs.getObject("rating", Integer.class),
                rs.getString("feedback"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("answered_at", OffsetDateTime.class));
    }
}
