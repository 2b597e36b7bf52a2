package io.wellbase.messaging.internal.support;

import io.wellbase.platform.data.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chat_sessions and counselor_profiles tables. Every move of a session is guarded by its status. */
@Repository
class ChatSessionStore {

    private static final String SESSION = """
            id, conversation_id, client_id, topic, priority, status, counselor_id, created_at, accepted_at,
            first_response_at, closed_at, rating, feedback""";

    private final JdbcClient jdbc;

    ChatSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ChatSession(
            UUID id,
            UUID conversationId,
            UUID clientId,
            String topic,
            String priority,
            String status,
            @Nullable UUID counselorId,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime acceptedAt,
            @Nullable OffsetDateTime firstResponseAt,
            @Nullable OffsetDateTime closedAt,
            @Nullable Integer rating,
            @Nullable String feedback) {}

    record Counselor(
            UUID userId,
            @Nullable String licenseNumber,
            String[] specializations,
            @Nullable String bio,
            String[] languages,
            String status,
            int maxSessions,
            @Nullable Double rating,
            int totalSessions,
            int activeSessions,
            @Nullable String alertPhone) {

        Counselor withoutAlertPhone() {
            return new Counselor(
                    userId,
                    licenseNumber,
                    specializations,
                    bio,
                    languages,
                    status,
                    maxSessions,
                    rating,
                    totalSessions,
                    activeSessions,
                    null);
        }
    }

    ChatSession insert(
            UUID orgId,
            UUID id,
            UUID conversationId,
            UUID clientId,
            UUID clientUserId,
            String topic,
            Priority priority) {
        return jdbc.sql(
                        "INSERT INTO chat_sessions (id, org_id, conversation_id, client_id, client_user_id, topic, priority,"
                                + " priority_rank) VALUES (:id, :org, :c, :client, :user, :topic, :priority, :rank) RETURNING "
                                + SESSION)
                .param("id", id)
                .param("org", orgId)
                .param("c", conversationId)
                .param("client", clientId)
                .param("user", clientUserId)
                .param("topic", topic)
                .param("priority", priority.value())
                .param("rank", priority.rank())
                .query(Rows.of(ChatSession.class))
                .single();
    }

    Optional<ChatSession> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + SESSION + " FROM chat_sessions WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(ChatSession.class))
                .optional();
    }

    /** The waiting sessions in queue order: priority first, then the longest waiting. */
    List<ChatSession> queue(UUID orgId, int limit) {
        return jdbc.sql("SELECT " + SESSION + " FROM chat_sessions WHERE org_id = :org AND status = 'waiting'"
                        + " ORDER BY priority_rank DESC, created_at, id LIMIT :limit")
                .param("org", orgId)
                .param("limit", limit)
                .query(Rows.of(ChatSession.class))
                .list();
    }

    List<ChatSession> ofClient(UUID orgId, UUID clientId, int limit) {
        return jdbc.sql("SELECT " + SESSION + " FROM chat_sessions WHERE org_id = :org AND client_id = :client"
                        + " ORDER BY created_at DESC LIMIT :limit")
                .param("org", orgId)
                .param("client", clientId)
                .param("limit", limit)
                .query(Rows.of(ChatSession.class))
                .list();
    }

    /** The client's sessions on this conversation that are not closed (none for an ordinary conversation). */
    List<ChatSession> openOf(UUID orgId, UUID conversationId, UUID clientUserId) {
        return jdbc.sql("SELECT " + SESSION + " FROM chat_sessions WHERE org_id = :org AND conversation_id = :c"
                        + " AND client_user_id = :user AND status <> 'closed'")
                .param("org", orgId)
                .param("c", conversationId)
                .param("user", clientUserId)
                .query(Rows.of(ChatSession.class))
                .list();
    }

    List<ChatSession> activeOf(UUID orgId, UUID counselorId) {
        return jdbc.sql("SELECT " + SESSION + " FROM chat_sessions WHERE org_id = :org AND counselor_id = :me"
                        + " AND status = 'active' ORDER BY accepted_at")
                .param("org", orgId)
                .param("me", counselorId)
                .query(Rows.of(ChatSession.class))
                .list();
    }

    /**
     * Gives a waiting session to the counselor when they are available with a free place, in one statement:
     * of two counselors taking it at once, exactly one gets it. Empty when it was not waiting (any more) or the
     * counselor may not take one now.
     */
    Optional<ChatSession> take(UUID orgId, UUID id, UUID counselorId) {
        return jdbc.sql("""
                UPDATE chat_sessions s SET status = 'active', counselor_id = :me, accepted_at = now()
                FROM counselor_profiles p
                WHERE s.org_id = :org AND s.id = :id AND s.status = 'waiting'
                  AND p.org_id = s.org_id AND p.user_id = :me AND p.status = 'available'
                  AND (SELECT count(*) FROM chat_sessions a
                       WHERE a.org_id = :org AND a.counselor_id = :me AND a.status = 'active') < p.max_sessions
                RETURNING s.id, s.conversation_id, s.client_id, s.topic, s.priority, s.status, s.counselor_id,
                          s.created_at, s.accepted_at, s.first_response_at, s.closed_at, s.rating, s.feedback
                """)
                .param("org", orgId)
                .param("id", id)
                .param("me", counselorId)
                .query(Rows.of(ChatSession.class))
                .optional();
    }

    Optional<ChatSession> close(UUID orgId, UUID id, UUID by) {
        Optional<ChatSession> closed = jdbc.sql("UPDATE chat_sessions SET status = 'closed', closed_at = now(),"
                        + " closed_by = :by WHERE org_id = :org AND id = :id AND status <> 'closed' RETURNING "
                        + SESSION)
                .param("org", orgId)
                .param("id", id)
                .param("by", by)
                .query(Rows.of(ChatSession.class))
                .optional();
        closed.filter(s -> s.counselorId() != null)
                .ifPresent(s -> jdbc.sql("UPDATE counselor_profiles SET total_sessions = total_sessions + 1"
                                + " WHERE org_id = :org AND user_id = :c")
                        .param("org", orgId)
                        .param("c", s.counselorId())
                        .update());
        return closed;
    }

    /** Rates a closed session once; the counselor's average follows. */
    Optional<ChatSession> rate(UUID orgId, UUID id, int rating, @Nullable String feedback) {
        Optional<ChatSession> rated = jdbc.sql("UPDATE chat_sessions SET rating = :rating, feedback = :feedback"
                        + " WHERE org_id = :org AND id = :id AND status = 'closed' AND rating IS NULL RETURNING "
                        + SESSION)
                .param("org", orgId)
                .param("id", id)
                .param("rating", rating)
                .param("feedback", feedback)
                .query(Rows.of(ChatSession.class))
                .optional();
        rated.filter(s -> s.counselorId() != null)
                .ifPresent(s -> jdbc.sql(
                                "UPDATE counselor_profiles SET rating_sum = rating_sum + :r, rating_count = rating_count + 1"
                                        + " WHERE org_id = :org AND user_id = :c")
                        .param("org", orgId)
                        .param("c", s.counselorId())
                        .param("r", rating)
                        .update());
        return rated;
    }

    /** The first message of the assigned counselor in the session's conversation, if this is it. */
    void firstResponse(UUID orgId, UUID conversationId, UUID senderId) {
        jdbc.sql("""
                UPDATE chat_sessions SET first_response_at = now()
                WHERE org_id = :org AND conversation_id = :c AND counselor_id = :sender AND first_response_at IS NULL
                """)
                .param("org", orgId)
                .param("c", conversationId)
                .param("sender", senderId)
                .update();
    }

    void saveCounselor(
            UUID orgId,
            UUID userId,
            @Nullable String license,
            List<String> specializations,
            @Nullable String bio,
            List<String> languages,
            CounselorStatus status,
            int maxSessions,
            @Nullable String alertPhone) {
        jdbc.sql("""
                INSERT INTO counselor_profiles (org_id, user_id, license_number, specializations, bio, languages, status,
                                                max_sessions, alert_phone)
                VALUES (:org, :user, :license, :specs, :bio, :languages, :status, :max, :phone)
                ON CONFLICT (org_id, user_id) DO UPDATE SET license_number = excluded.license_number,
                    specializations = excluded.specializations, bio = excluded.bio, languages = excluded.languages,
                    status = excluded.status, max_sessions = excluded.max_sessions, alert_phone = excluded.alert_phone,
                    updated_at = now()
                """)
                .param("org", orgId)
                .param("user", userId)
                .param("license", license)
                .param("specs", specializations.toArray(String[]::new))
                .param("bio", bio)
                .param("languages", languages.toArray(String[]::new))
                .param("status", status.value())
                .param("max", maxSessions)
                .param("phone", alertPhone)
                .update();
    }

    /** Raises an open session's priority (never lowers it); answers 1 when it changed. */
    int raise(UUID orgId, UUID id, Priority priority) {
        return jdbc.sql("""
                UPDATE chat_sessions SET priority = :priority, priority_rank = :rank
                WHERE org_id = :org AND id = :id AND status <> 'closed' AND priority_rank < :rank
                """)
                .param("org", orgId)
                .param("id", id)
                .param("priority", priority.value())
                .param("rank", priority.rank())
                .update();
    }

    /** The organization's own crisis line, if it set one. */
    Optional<String> crisisLine(UUID orgId) {
        return jdbc.sql("SELECT crisis_line FROM support_settings WHERE org_id = :org")
                .param("org", orgId)
                .query(String.class)
                .optional();
    }

    /** The crisis line and the on-call contacts (as JSON) in one write. */
    void saveSettings(UUID orgId, String line, String onCallJson) {
        jdbc.sql("""
                INSERT INTO support_settings (org_id, crisis_line, on_call) VALUES (:org, :line, CAST(:onCall AS jsonb))
                ON CONFLICT (org_id) DO UPDATE SET crisis_line = excluded.crisis_line, on_call = excluded.on_call,
                    updated_at = now()
                """)
                .param("org", orgId)
                .param("line", line)
                .param("onCall", onCallJson)
                .update();
    }

    /** The organization's on-call contacts as JSON ({@code []} when none). */
    String onCallJson(UUID orgId) {
        return jdbc.sql("SELECT on_call::text FROM support_settings WHERE org_id = :org")
                .param("org", orgId)
                .query(String.class)
                .optional()
                .orElse("[]");
    }

    /** The alert phones of the counselors on duty. */
    List<String> onDutyAlertPhones(UUID orgId) {
        return jdbc.sql("""
                SELECT alert_phone FROM counselor_profiles
                WHERE org_id = :org AND status IN ('available', 'busy') AND alert_phone IS NOT NULL
                ORDER BY user_id
                """).param("org", orgId).query(String.class).list();
    }

    /**
     * The available counselor with the most free places (then the one idle longest), never an offline or
     * busy one; empty when nobody has a place.
     */
    Optional<UUID> freeCounselor(UUID orgId) {
        return jdbc.sql("""
                SELECT p.user_id
                FROM counselor_profiles p
                CROSS JOIN LATERAL (SELECT p.max_sessions - count(*) AS free FROM chat_sessions s
                                    WHERE s.org_id = p.org_id AND s.counselor_id = p.user_id AND s.status = 'active') f
                WHERE p.org_id = :org AND p.status = 'available' AND f.free > 0
                ORDER BY f.free DESC, p.updated_at, p.user_id
                LIMIT 1
                """).param("org", orgId).query(UUID.class).optional();
    }

    /** The counselors on duty: available or busy (not offline). */
    List<UUID> onDuty(UUID orgId) {
        return jdbc.sql(
                        "SELECT user_id FROM counselor_profiles WHERE org_id = :org AND status IN ('available', 'busy')")
                .param("org", orgId)
                .query(UUID.class)
                .list();
    }

    List<Counselor> counselors(UUID orgId) {
        return jdbc.sql("""
                SELECT p.user_id, p.license_number, p.specializations, p.bio, p.languages, p.status, p.max_sessions,
                       p.alert_phone,
                       CASE WHEN p.rating_count = 0 THEN NULL ELSE round(p.rating_sum::numeric / p.rating_count, 2) END
                           AS rating,
                       p.total_sessions,
                       (SELECT count(*) FROM chat_sessions s WHERE s.org_id = p.org_id AND s.counselor_id = p.user_id
                          AND s.status = 'active')::int AS active_sessions
                FROM counselor_profiles p WHERE p.org_id = :org ORDER BY p.user_id
                """)
                .param("org", orgId)
                .query((rs, n) -> new Counselor(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("license_number"),
                        (String[]) rs.getArray("specializations").getArray(),
                        rs.getString("bio"),
                        (String[]) rs.getArray("languages").getArray(),
                        rs.getString("status"),
                        rs.getInt("max_sessions"),
                        rs.getObject("rating") == null ? null : rs.getDouble("rating"),
                        rs.getInt("total_sessions"),
                        rs.getInt("active_sessions"),
                        rs.getString("alert_phone")))
                .list();
    }

    /** Per priority: waiting now, and over the last 30 days the median wait and first response, in seconds. */
    List<Map<String, Object>> metrics(UUID orgId) {
        return jdbc.sql("""
                SELECT p.priority,
                       (SELECT count(*) FROM chat_sessions s WHERE s.org_id = :org AND s.priority = p.priority
                          AND s.status = 'waiting') AS "waitingNow",
                       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.accepted_at - s.created_at))
                        FROM chat_sessions s WHERE s.org_id = :org AND s.priority = p.priority
                          AND s.accepted_at IS NOT NULL AND s.created_at > now() - interval '30 days') AS "medianWaitSeconds",
                       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.first_response_at - s.accepted_at))
                        FROM chat_sessions s WHERE s.org_id = :org AND s.priority = p.priority
                          AND s.first_response_at IS NOT NULL AND s.created_at > now() - interval '30 days')
                           AS "medianFirstResponseSeconds"
                FROM (VALUES ('emergency'), ('high'), ('medium'), ('low')) AS p (priority)
                """).param("org", orgId).query().listOfRows();
    }
}
