package io.wellbase.care.internal.breathing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** An organization's own techniques and its clients' breathing sessions. */
@Component
public class BreathingStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    BreathingStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Session(
            UUID id,
            String technique,
            int durationSeconds,
            OffsetDateTime completedAt,
            LocalDate date,
            @Nullable Integer moodBefore,
            @Nullable Integer moodAfter) {}

    List<Technique> techniques(UUID org) {
        return jdbc.sql("""
                SELECT code, name, description, phases, cycles FROM breathing_techniques
                WHERE org_id = :org AND active ORDER BY name
                """)
                .param("org", org)
                .query((rs, n) -> new Technique(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("description"),
                        json.readValue(rs.getString("phases"), new TypeReference<List<Technique.Phase>>() {}),
                        rs.getInt("cycles"),
                        false,
                        null))
                .list();
    }

    /** Adds a technique; false when the organization already has one with the code. */
    boolean addTechnique(UUID org, UUID id, Technique t) {
        return jdbc.sql("""
                INSERT INTO breathing_techniques (id, org_id, code, name, description, phases, cycles)
                VALUES (:id, :org, :code, :name, :description, CAST(:phases AS jsonb), :cycles)
                ON CONFLICT (org_id, code) DO NOTHING
                """)
                        .param("id", id)
                        .param("org", org)
                        .param("code", t.code())
                        .param("name", t.name())
                        .param("description", t.description())
                        .param("phases", json.writeValueAsString(t.phases()))
                        .param("cycles", t.cycles())
                        .update()
                == 1;
    }

    boolean deactivate(UUID org, String code) {
        return jdbc.sql(
                                "UPDATE breathing_techniques SET active = false WHERE org_id = :org AND code = :code AND active")
                        .param("org", org)
                        .param("code", code)
                        .update()
                == 1;
    }

    void insert(UUID org, UUID client, UUID id, Session s) {
        jdbc.sql("""
                INSERT INTO breathing_sessions (id, org_id, client_id, technique, duration_seconds, completed_at,
                    local_date, mood_before, mood_after)
                VALUES (:id, :org, :client, :technique, :duration, :at, :date, :before, :after)
                """)
                .param("id", id)
                .param("org", org)
                .param("client", client)
                .param("technique", s.technique())
                .param("duration", s.durationSeconds())
                .param("at", s.completedAt())
                .param("date", s.date())
                .param("before", s.moodBefore())
                .param("after", s.moodAfter())
                .update();
    }

    Optional<Session> find(UUID org, UUID client, UUID id) {
        return jdbc.sql("SELECT * FROM breathing_sessions WHERE org_id = :org AND client_id = :client AND id = :id")
                .param("org", org)
                .param("client", client)
                .param("id", id)
                .query(BreathingStore::session)
                .optional();
    }

    /** Sessions on days {@code from} through {@code to} (inclusive), newest first. */
    public List<Session> between(UUID org, UUID client, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT * FROM breathing_sessions
                WHERE org_id = :org AND client_id = :client AND local_date BETWEEN :from AND :to
                ORDER BY completed_at DESC, id DESC
                """)
                .param("org", org)
                .param("client", client)
                .param("from", from)
                .param("to", to)
                .query(BreathingStore::session)
                .list();
    }

    public int count(UUID org, UUID client) {
        return jdbc.sql("SELECT count(*) FROM breathing_sessions WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .query(Integer.class)
                .single();
    }

    public int deleteAll(UUID org, UUID client) {
        return jdbc.sql("DELETE FROM breathing_sessions WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .update();
    }

    public void move(UUID org, UUID from, UUID to) {
        jdbc.sql("UPDATE breathing_sessions SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
    }

    private static Session session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Session(
                rs.getObject("id", UUID.class),
                rs.getString("technique"),
                rs.getInt("duration_seconds"),
                rs.getObject("completed_at", OffsetDateTime.class),
                rs.getObject("local_date", LocalDate.class),
                (Integer) rs.getObject("mood_before", Integer.class),
                (Integer) rs.getObject("mood_after", Integer.class));
    }
}
