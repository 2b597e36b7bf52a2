package io.wellbase.care.internal.treatments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Treatment plans and their milestones. */
@Component
public class TreatmentStore {

    private final JdbcClient jdbc;

    TreatmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Plan(
            UUID id,
            UUID clientId,
            String name,
            @Nullable String description,
            LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @Nullable Integer durationWeeks,
            String status,
            UUID createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    record Milestone(
            UUID id,
            UUID planId,
            int position,
            String title,
            LocalDate dueOn,
            String status,
            @Nullable OffsetDateTime doneAt,
            @Nullable UUID serviceId,
            @Nullable String notes) {}

    void insert(UUID org, Plan p) {
        jdbc.sql("""
                INSERT INTO treatment_plans (id, org_id, client_id, name, description, starts_on, ends_on, duration_weeks,
                    status, created_by)
                VALUES (:id, :org, :client, :name, :description, :starts, :ends, :weeks, :status, :by)
                """)
                .param("id", p.id())
                .param("org", org)
                .param("client", p.clientId())
                .param("name", p.name())
                .param("description", p.description())
                .param("starts", p.startsOn())
                .param("ends", p.endsOn())
                .param("weeks", p.durationWeeks())
                .param("status", p.status())
                .param("by", p.createdBy())
                .update();
    }

    void update(UUID org, Plan p) {
        jdbc.sql("""
                UPDATE treatment_plans SET name = :name, description = :description, ends_on = :ends,
                    duration_weeks = :weeks, status = :status, updated_at = now()
                WHERE org_id = :org AND id = :id
                """)
                .param("id", p.id())
                .param("org", org)
                .param("name", p.name())
                .param("description", p.description())
                .param("ends", p.endsOn())
                .param("weeks", p.durationWeeks())
                .param("status", p.status())
                .update();
    }

    Optional<Plan> plan(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM treatment_plans WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(TreatmentStore::plan)
                .optional();
    }

    List<Plan> plans(UUID org, @Nullable UUID client, @Nullable String status, int limit) {
        return jdbc.sql("""
                SELECT * FROM treatment_plans
                WHERE org_id = :org AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                ORDER BY starts_on DESC, id DESC
                LIMIT :limit
                """)
                .param("org", org)
                .param("client", client)
                .param("status", status)
                .param("limit", limit)
                .query(TreatmentStore::plan)
                .list();
    }

    void insertMilestone(UUID org, Milestone m) {
        jdbc.sql("""
                INSERT INTO treatment_milestones (id, org_id, plan_id, position, title, due_on, status, service_id, notes)
                VALUES (:id, :org, :plan, :position, :title, :due, :status, :service, :notes)
                """)
                .param("id", m.id())
                .param("org", org)
                .param("plan", m.planId())
                .param("position", m.position())
                .param("title", m.title())
                .param("due", m.dueOn())
                .param("status", m.status())
                .param("service", m.serviceId())
                .param("notes", m.notes())
                .update();
    }

    void updateMilestone(UUID org, Milestone m) {
        jdbc.sql("""
                UPDATE treatment_milestones SET title = :title, due_on = :due, status = :status, service_id = :service,
                    notes = :notes,
                    done_at = CASE WHEN :status = 'done' THEN coalesce(done_at, now()) ELSE NULL END
                WHERE org_id = :org AND id = :id
                """)
                .param("id", m.id())
                .param("org", org)
                .param("title", m.title())
                .param("due", m.dueOn())
                .param("status", m.status())
                .param("service", m.serviceId())
                .param("notes", m.notes())
                .update();
    }

    Optional<Milestone> milestone(UUID org, UUID id) {
        return jdbc.sql("SELECT * FROM treatment_milestones WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(TreatmentStore::milestone)
                .optional();
    }

    List<Milestone> milestones(UUID org, UUID plan) {
        return jdbc.sql(
                        "SELECT * FROM treatment_milestones WHERE org_id = :org AND plan_id = :plan ORDER BY position, id")
                .param("org", org)
                .param("plan", plan)
                .query(TreatmentStore::milestone)
                .list();
    }

    /** The milestones of several plans in one query, by plan, each list in order. */
    java.util.Map<UUID, List<Milestone>> milestones(UUID org, java.util.Collection<UUID> plans) {
        java.util.Map<UUID, List<Milestone>> byPlan = new java.util.HashMap<>();
        if (plans.isEmpty()) {
            return byPlan;
        }
        jdbc.sql("""
                SELECT * FROM treatment_milestones WHERE org_id = :org AND plan_id IN (:plans) ORDER BY position, id
                """)
                .param("org", org)
                .param("plans", plans)
                .query(TreatmentStore::milestone)
                .list()
                .forEach(m -> byPlan.computeIfAbsent(m.planId(), p -> new java.util.ArrayList<>())
                        .add(m));
        return byPlan;
    }

    /** The organization's services of these ids (name and length), from scheduling's published view. */
    java.util.Map<UUID, Service> services(UUID org, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, Service> found = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT id, name, duration_minutes FROM report_services
                WHERE org_id = :org AND id IN (:ids) AND archived_at IS NULL
                """)
                .param("org", org)
                .param("ids", ids)
                .query((rs, n) -> new Service(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                .list()
                .forEach(s -> found.put(s.id(), s));
        return found;
    }

    record Service(UUID id, String name, int durationMinutes) {}

    public void forget(UUID org, UUID client) {
        jdbc.sql("DELETE FROM treatment_plans WHERE org_id = :org AND client_id = :c")
                .param("org", org)
                .param("c", client)
                .update();
    }

    public void move(UUID org, UUID from, UUID to) {
        jdbc.sql("UPDATE treatment_plans SET client_id = :to WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .update();
    }

    private static Plan plan(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Plan(
                rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                (Integer) rs.getObject("duration_weeks"),
                rs.getString("status"),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static Milestone milestone(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Milestone(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("status"),
                rs.getObject("done_at", OffsetDateTime.class),
                rs.getObject("service_id", UUID.class),
                rs.getString("notes"));
    }
}
