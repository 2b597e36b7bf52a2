package io.wellbase.care.internal.assessments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored assessments, each with the change of its score since the client's previous one of the instrument. */
@Component
public class AssessmentStore {

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            UUID id,
            String instrument,
            List<Integer> answers,
            int score,
            String band,
            boolean selfHarmFlagged,
            @Nullable UUID supportSessionId,
            OffsetDateTime takenAt,
            @Nullable Integer changeSinceLast) {}

    void insert(
            UUID org,
            UUID id,
            UUID client,
            String instrument,
            List<Integer> answers,
            int score,
            String band,
            boolean flagged,
            @Nullable UUID supportSession,
            OffsetDateTime takenAt,
            UUID by) {
        jdbc.sql("""
                INSERT INTO assessments (id, org_id, client_id, instrument, answers, score, band, self_harm_flagged,
                    support_session_id, taken_at, created_by)
                VALUES (:id, :org, :client, :instrument, :answers, :score, :band, :flagged, :session, :at, :by)
                """)
                .param("id", id)
                .param("org", org)
                .param("client", client)
                .param("instrument", instrument)
                .param("answers", answers.stream().map(Integer::shortValue).toArray(Short[]::new))
                .param("score", score)
                .param("band", band)
                .param("flagged", flagged)
                .param("session", supportSession)
                .param("at", takenAt)
                .param("by", by)
                .update();
    }

    /** Newest first, at most {@code limit}, optionally one instrument and a range of days taken. */
    public List<Row> list(
            UUID org,
            UUID client,
            @Nullable String instrument,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            int limit) {
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT id, instrument, answers, score, band, self_harm_flagged, support_session_id, taken_at,
                           score - lag(score) OVER (PARTITION BY instrument ORDER BY taken_at, id) AS change
                    FROM assessments
                    WHERE org_id = :org AND client_id = :client
                      AND (CAST(:instrument AS text) IS NULL OR instrument = :instrument)
                ) a
                WHERE (CAST(:from AS timestamptz) IS NULL OR taken_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR taken_at < :to)
                ORDER BY taken_at DESC, id DESC
                LIMIT :limit
                """)
                .param("org", org)
                .param("client", client)
                .param("instrument", instrument)
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("instrument"),
                        java.util.Arrays.stream((Short[]) rs.getArray("answers").getArray())
                                .map(Short::intValue)
                                .toList(),
                        rs.getInt("score"),
                        rs.getString("band"),
                        rs.getBoolean("self_harm_flagged"),
                        rs.getObject("support_session_id", UUID.class),
                        rs.getObject("taken_at", OffsetDateTime.class),
                        (Integer) rs.getObject("change")))
                .list();
    }

    public int deleteAll(UUID org, UUID client) {
        return jdbc.sql("DELETE FROM assessments WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .update();
    }

    public void move(UUID org, UUID from, UUID to) {
        jdbc.sql("UPDATE assessments SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
    }
}
