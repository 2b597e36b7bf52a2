package io.wellbase.care.internal.treatments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Consultations and their follow-ups. */
@Component
public class ConsultationStore {

    private final JdbcClient jdbc;

    ConsultationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Consultation(
            UUID id,
            UUID clientId,
            String type,
            LocalDate heldOn,
            UUID advisorId,
            @Nullable String concerns,
            @Nullable String recommendations,
            @Nullable LocalDate followUpOn,
            @Nullable LocalDate followUpToldOn,
            @Nullable String notes,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /** A follow-up to tell: the consultation, its organization and client. */
    record Due(UUID orgId, UUID id, UUID clientId, String type, LocalDate followUpOn) {}

    void insert(UUID org, Consultation c) {
        jdbc.sql("""
                INSERT INTO consultations (id, org_id, client_id, type, held_on, advisor_id, concerns, recommendations,
                    follow_up_on, notes)
                VALUES (:id, :org, :client, :type, :held, :advisor, :concerns, :recommendations, :followUp, :notes)
                """)
                .param("id", c.id())
                .param("org", org)
                .param("client", c.clientId())
                .param("type", c.type())
                .param("held", c.heldOn())
                .param("advisor", c.advisorId())
                .param("concerns", c.concerns())
                .param("recommendations", c.recommendations())
                .param("followUp", c.followUpOn())
                .param("notes", c.notes())
                .update();
    }

    /** Changes the fields; a new follow-up day is told again when it comes. */
    void update(UUID org, Consultation c) {
        jdbc.sql("""
                UPDATE consultations SET type = :type, held_on = :held, advisor_id = :advisor, concerns = :concerns,
                    recommendations = :recommendations, notes = :notes,
                    follow_up_told_on = CASE WHEN follow_up_on IS DISTINCT FROM :followUp THEN NULL ELSE follow_up_told_on END,
                    follow_up_on = :followUp, updated_at = now()
                WHERE org_id = :org AND id = :id
                """)
                .param("id", c.id())
                .param("org", org)
                .param("type", c.type())
                .param("held", c.heldOn())
                .param("advisor", c.advisorId())
                .param("concerns", c.concerns())
                .param("recommendations", c.recommendations())
                .param("followUp", c.followUpOn())
                .param("notes", c.notes())
                .update();
    }

    Optional<Consultation> find(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM consultations WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(ConsultationStore::consultation)
                .optional();
    }

    List<Consultation> history(UUID org, @Nullable UUID client, int limit) {
        return jdbc.sql("""
                SELECT * FROM consultations
                WHERE org_id = :org AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
                ORDER BY held_on DESC, created_at DESC
                LIMIT :limit
                """)
                .param("org", org)
                .param("client", client)
                .param("limit", limit)
                .query(ConsultationStore::consultation)
                .list();
    }

    /** Follow-ups due by {@code latest} (any organization's today is at most a day from UTC's), not yet told. */
    List<Due> due(LocalDate latest, int limit) {
        return jdbc.sql("""
                SELECT org_id, id, client_id, type, follow_up_on FROM consultations
                WHERE follow_up_told_on IS NULL AND follow_up_on <= :latest
                ORDER BY follow_up_on
                LIMIT :limit
                """)
                .param("latest", latest)
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** Marks a follow-up told; false when another node told it first. */
    boolean told(UUID org, UUID id, LocalDate followUpOn) {
        return jdbc.sql("""
                UPDATE consultations SET follow_up_told_on = :day
                WHERE org_id = :org AND id = :id AND follow_up_on = :day AND follow_up_told_on IS NULL
                """)
                        .param("org", org)
                        .param("id", id)
                        .param("day", followUpOn)
                        .update()
                == 1;
    }

    public void forget(UUID org, UUID client) {
        jdbc.sql("DELETE FROM consultations WHERE org_id = :org AND client_id = :c")
                .param("org", org)
                .param("c", client)
                .update();
    }

    public void move(UUID org, UUID from, UUID to) {
        jdbc.sql("UPDATE consultations SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
    }

    private static Consultation consultation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Consultation(
                rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getString("type"),
                rs.getObject("held_on", LocalDate.class),
                rs.getObject("advisor_id", UUID.class),
                rs.getString("concerns"),
                rs.getString("recommendations"),
                rs.getObject("follow_up_on", LocalDate.class),
                rs.getObject("follow_up_told_on", LocalDate.class),
                rs.getString("notes"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
