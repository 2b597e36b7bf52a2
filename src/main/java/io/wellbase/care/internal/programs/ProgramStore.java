package io.wellbase.care.internal.programs;

import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Programs, their modules, enrolments and completed modules. */
@Component
public class ProgramStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    private final SearchIndex search;

    ProgramStore(JdbcClient jdbc, ObjectMapper json, SearchIndex search) {
        this.jdbc = jdbc;
        this.json = json;
        this.search = search;
    }

    record Program(
            UUID id,
            String title,
            @Nullable String description,
            @Nullable String category,
            @Nullable Integer durationDays,
            String difficulty,
            boolean premium,
            boolean active,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    record Module(
            UUID id,
            UUID programId,
            int position,
            String title,
            @Nullable String description,
            JsonNode content,
            @Nullable Integer minutes,
            String type,
            boolean required,
            boolean premium,
            int releaseAfterDays) {}

    record Enrollment(
            UUID programId,
            OffsetDateTime enrolledAt,
            LocalDate enrolledOn,
            @Nullable OffsetDateTime startedAt,
            @Nullable OffsetDateTime completedAt) {}

    record Completion(
            UUID moduleId,
            OffsetDateTime completedAt,
            int timeSpentSeconds,
            @Nullable Double score) {}

    void insertProgram(UUID org, Program p) {
        jdbc.sql("""
                INSERT INTO programs (id, org_id, title, description, category, duration_days, difficulty, premium, active)
                VALUES (:id, :org, :title, :description, :category, :days, :difficulty, :premium, :active)
                """)
                .param("id", p.id())
                .param("org", org)
                .param("title", p.title())
                .param("description", p.description())
                .param("category", p.category())
                .param("days", p.durationDays())
                .param("difficulty", p.difficulty())
                .param("premium", p.premium())
                .param("active", p.active())
                .update();
        search.changed(SearchType.PROGRAM, org, p.id());
    }

    void updateProgram(UUID org, Program p) {
        jdbc.sql("""
                UPDATE programs SET title = :title, description = :description, category = :category,
                    duration_days = :days, difficulty = :difficulty, premium = :premium, active = :active, updated_at = now()
                WHERE org_id = :org AND id = :id
                """)
                .param("id", p.id())
                .param("org", org)
                .param("title", p.title())
                .param("description", p.description())
                .param("category", p.category())
                .param("days", p.durationDays())
                .param("difficulty", p.difficulty())
                .param("premium", p.premium())
                .param("active", p.active())
                .update();
        search.changed(SearchType.PROGRAM, org, p.id());
    }

    Optional<Program> program(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM programs WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(ProgramStore::program)
                .optional();
    }

    List<Program> programs(UUID org, boolean includeInactive, @Nullable String category) {
        return jdbc.sql("""
                SELECT * FROM programs
                WHERE org_id = :org AND (:all OR active) AND (CAST(:category AS text) IS NULL OR category = :category)
                ORDER BY title, id
                """)
                .param("org", org)
                .param("all", includeInactive)
                .param("category", category)
                .query(ProgramStore::program)
                .list();
    }

    void insertModule(UUID org, Module m) {
        jdbc.sql("""
                INSERT INTO program_modules (id, org_id, program_id, position, title, description, content, minutes, type,
                    required, premium, release_after_days)
                VALUES (:id, :org, :program, :position, :title, :description, CAST(:content AS jsonb), :minutes, :type,
                    :required, :premium, :release)
                """)
                .param("id", m.id())
                .param("org", org)
                .param("program", m.programId())
                .param("position", m.position())
                .params(moduleFields(m))
                .update();
    }

    void updateModule(UUID org, Module m) {
        jdbc.sql("""
                UPDATE program_modules SET title = :title, description = :description, content = CAST(:content AS jsonb),
                    minutes = :minutes, type = :type, required = :required, premium = :premium,
                    release_after_days = :release
                WHERE org_id = :org AND id = :id
                """)
                .param("id", m.id())
                .param("org", org)
                .params(moduleFields(m))
                .update();
    }

    private java.util.Map<String, Object> moduleFields(Module m) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("title", m.title());
        p.put("description", m.description());
        p.put("content", json.writeValueAsString(m.content()));
        p.put("minutes", m.minutes());
        p.put("type", m.type());
        p.put("required", m.required());
        p.put("premium", m.premium());
        p.put("release", m.releaseAfterDays());
        return p;
    }

    boolean deleteModule(UUID org, UUID id) {
        return jdbc.sql("DELETE FROM program_modules WHERE org_id = :org AND id = :id")
                        .param("org", org)
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Module> module(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM program_modules WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(this::module)
                .optional();
    }

    List<Module> modules(UUID org, UUID program) {
        return jdbc.sql(
                        "SELECT * FROM program_modules WHERE org_id = :org AND program_id = :program ORDER BY position, id")
                .param("org", org)
                .param("program", program)
                .query(this::module)
                .list();
    }

    int nextPosition(UUID org, UUID program) {
        return jdbc.sql(
                        "SELECT coalesce(max(position), 0) + 1 FROM program_modules WHERE org_id = :org AND program_id = :p")
                .param("org", org)
                .param("p", program)
                .query(Integer.class)
                .single();
    }

    /** Enrols the client; false when they already were. */
    boolean enroll(UUID org, UUID program, UUID client, LocalDate on) {
        return jdbc.sql("""
                INSERT INTO program_enrollments (org_id, program_id, client_id, enrolled_on) VALUES (:org, :p, :c, :on)
                ON CONFLICT DO NOTHING
                """)
                        .param("org", org)
                        .param("p", program)
                        .param("c", client)
                        .param("on", on)
                        .update()
                == 1;
    }

    Optional<Enrollment> enrollment(UUID org, UUID program, UUID client) {
        return enrollments(org, client).stream()
                .filter(e -> e.programId().equals(program))
                .findFirst();
    }

    List<Enrollment> enrollments(UUID org, UUID client) {
        return jdbc.sql("""
                SELECT program_id, enrolled_at, enrolled_on, started_at, completed_at FROM program_enrollments
                WHERE org_id = :org AND client_id = :c ORDER BY enrolled_at, program_id
                """)
                .param("org", org)
                .param("c", client)
                .query((rs, n) -> new Enrollment(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Records a completed module; false when it was already completed (the first completion stands). */
    boolean complete(UUID org, Module m, UUID client, int timeSpent, @Nullable Double score) {
        return jdbc.sql("""
                INSERT INTO module_completions (org_id, module_id, program_id, client_id, time_spent_seconds, score)
                VALUES (:org, :m, :p, :c, :t, :score)
                ON CONFLICT DO NOTHING
                """)
                        .param("org", org)
                        .param("m", m.id())
                        .param("p", m.programId())
                        .param("c", client)
                        .param("t", timeSpent)
                        .param("score", score)
                        .update()
                == 1;
    }

    List<Completion> completions(UUID org, UUID program, UUID client) {
        return jdbc.sql("""
                SELECT module_id, completed_at, time_spent_seconds, score FROM module_completions
                WHERE org_id = :org AND program_id = :p AND client_id = :c
                """)
                .param("org", org)
                .param("p", program)
                .param("c", client)
                .query((rs, n) -> new Completion(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getInt(3),
                        rs.getObject(4) == null ? null : rs.getDouble(4)))
                .list();
    }

    /** Stamps the enrolment's start (first completion) and end (all required done), each once. */
    void stamp(UUID org, UUID program, UUID client, boolean completed) {
        jdbc.sql("""
                UPDATE program_enrollments SET started_at = coalesce(started_at, now()),
                    completed_at = CASE WHEN :completed THEN coalesce(completed_at, now()) ELSE completed_at END
                WHERE org_id = :org AND program_id = :p AND client_id = :c
                """)
                .param("org", org)
                .param("p", program)
                .param("c", client)
                .param("completed", completed)
                .update();
    }

    /** How many programs the client completed (an achievement counts them). */
    public int completedPrograms(UUID org, UUID client) {
        return jdbc.sql("""
                SELECT count(*) FROM program_enrollments WHERE org_id = :org AND client_id = :c AND completed_at IS NOT NULL
                """)
                .param("org", org)
                .param("c", client)
                .query(Integer.class)
                .single();
    }

    public void forget(UUID org, UUID client) {
        jdbc.sql("DELETE FROM module_completions WHERE org_id = :org AND client_id = :c")
                .param("org", org)
                .param("c", client)
                .update();
        jdbc.sql("DELETE FROM program_enrollments WHERE org_id = :org AND client_id = :c")
                .param("org", org)
                .param("c", client)
                .update();
    }

    /** On a merge: the merged record's enrolments and completions join the survivor's (one of each). */
    public void merge(UUID org, UUID survivor, UUID merged) {
        jdbc.sql("""
                INSERT INTO program_enrollments (org_id, program_id, client_id, enrolled_at, enrolled_on, started_at,
                    completed_at)
                SELECT org_id, program_id, :s, enrolled_at, enrolled_on, started_at, completed_at FROM program_enrollments
                WHERE org_id = :org AND client_id = :m
                ON CONFLICT DO NOTHING
                """).param("org", org).param("s", survivor).param("m", merged).update();
        jdbc.sql("""
                INSERT INTO module_completions (org_id, module_id, program_id, client_id, completed_at, time_spent_seconds,
                    score)
                SELECT org_id, module_id, program_id, :s, completed_at, time_spent_seconds, score FROM module_completions
                WHERE org_id = :org AND client_id = :m
                ON CONFLICT DO NOTHING
                """).param("org", org).param("s", survivor).param("m", merged).update();
        forget(org, merged);
    }

    private static Program program(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Program(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("category"),
                (Integer) rs.getObject("duration_days"),
                rs.getString("difficulty"),
                rs.getBoolean("premium"),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private Module module(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Module(
                rs.getObject("id", UUID.class),
                rs.getObject("program_id", UUID.class),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getString("description"),
                json.readTree(rs.getString("content")),
                (Integer) rs.getObject("minutes"),
                rs.getString("type"),
                rs.getBoolean("required"),
                rs.getBoolean("premium"),
                rs.getInt("release_after_days"));
    }
}
