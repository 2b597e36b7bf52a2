package io.wellbase.care.internal.mood;

import java.time.LocalDate;
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

/** A client's mood entries. */
@Component
public class MoodStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MoodStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Entry(
            UUID id,
            int mood,
            List<String> emotions,
            @Nullable String note,
            OffsetDateTime occurredAt,
            LocalDate date,
            @Nullable String place,
            @Nullable String weather,
            JsonNode factors,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /** What an entry holds, as written; {@code date} is the day in the offset the client gave. */
    record Content(
            int mood,
            List<String> emotions,
            @Nullable String note,
            OffsetDateTime occurredAt,
            LocalDate date,
            @Nullable String place,
            @Nullable String weather,
            JsonNode factors) {}

    private static final String COLUMNS = """
            id, mood, emotions, note, occurred_at, local_date, place, weather, factors, created_at, updated_at""";

    void insert(UUID org, UUID client, UUID id, Content c) {
        jdbc.sql("""
                INSERT INTO mood_entries (id, org_id, client_id, mood, emotions, note, occurred_at, local_date, place,
                    weather, factors)
                VALUES (:id, :org, :client, :mood, :emotions, :note, :at, :date, :place, :weather, CAST(:factors AS jsonb))
                """)
                .param("id", id)
                .param("org", org)
                .param("client", client)
                .params(content(c))
                .update();
    }

    boolean update(UUID org, UUID client, UUID id, Content c) {
        return jdbc.sql("""
                UPDATE mood_entries SET mood = :mood, emotions = :emotions, note = :note, occurred_at = :at,
                    local_date = :date, place = :place, weather = :weather, factors = CAST(:factors AS jsonb),
                    updated_at = now()
                WHERE org_id = :org AND client_id = :client AND id = :id
                """)
                        .param("id", id)
                        .param("org", org)
                        .param("client", client)
                        .params(content(c))
                        .update()
                == 1;
    }

    private java.util.Map<String, Object> content(Content c) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("mood", c.mood());
        p.put("emotions", c.emotions().toArray(String[]::new));
        p.put("note", c.note());
        p.put("at", c.occurredAt());
        p.put("date", c.date());
        p.put("place", c.place());
        p.put("weather", c.weather());
        p.put("factors", json.writeValueAsString(c.factors()));
        return p;
    }

    boolean delete(UUID org, UUID client, UUID id) {
        return jdbc.sql("DELETE FROM mood_entries WHERE org_id = :org AND client_id = :client AND id = :id")
                        .param("org", org)
                        .param("client", client)
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Entry> find(UUID org, UUID client, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM mood_entries WHERE org_id = :org AND client_id = :client AND id = :id")
                .param("org", org)
                .param("client", client)
                .param("id", id)
                .query(this::entry)
                .optional();
    }

    /** Entries on days {@code from} through {@code to} (each inclusive, null for open), newest first. */
    public List<Entry> between(UUID org, UUID client, @Nullable LocalDate from, @Nullable LocalDate to, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM mood_entries
                WHERE org_id = :org AND client_id = :client
                  AND (CAST(:from AS date) IS NULL OR local_date >= :from)
                  AND (CAST(:to AS date) IS NULL OR local_date <= :to)
                ORDER BY local_date DESC, occurred_at DESC, id DESC
                LIMIT :limit
                """)
                .param("org", org)
                .param("client", client)
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query(this::entry)
                .list();
    }

    /** The longest run of consecutive days on which the client recorded a mood. */
    public int longestStreak(UUID org, UUID client) {
        List<LocalDate> days = jdbc.sql("""
                SELECT DISTINCT local_date FROM mood_entries WHERE org_id = :org AND client_id = :client
                ORDER BY local_date
                """)
                .param("org", org)
                .param("client", client)
                .query(LocalDate.class)
                .list();
        return MoodStats.streaks(days, LocalDate.MAX).longest(); // only the longest run counts here
    }

    public int deleteAll(UUID org, UUID client) {
        return jdbc.sql("DELETE FROM mood_entries WHERE org_id = :org AND client_id = :client")
                .param("org", org)
                .param("client", client)
                .update();
    }

    public void move(UUID org, UUID from, UUID to) {
        jdbc.sql("UPDATE mood_entries SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
    }

    private Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(
                rs.getObject("id", UUID.class),
                rs.getInt("mood"),
                Arrays.asList((String[]) rs.getArray("emotions").getArray()),
                rs.getString("note"),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getObject("local_date", LocalDate.class),
                rs.getString("place"),
                rs.getString("weather"),
                json.readTree(rs.getString("factors")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
