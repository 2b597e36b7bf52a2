package io.wellbase.commerce.internal.routines;

import io.wellbase.platform.data.Ids;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Routines (a client's own, or staff templates without a client) and their ordered steps. */
@Component
class RoutineStore {

    private final JdbcClient jdbc;

    RoutineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Step(
            int position,
            @Nullable UUID productId,
            @Nullable String instructions) {}

    record Routine(
            UUID id,
            @Nullable UUID clientId,
            String name,
            @Nullable UUID templateId,
            boolean published,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            List<Step> steps) {

        boolean template() {
            return clientId == null;
        }
    }

    void insert(
            UUID org,
            UUID id,
            @Nullable UUID client,
            String name,
            @Nullable UUID template,
            boolean published,
            List<Step> steps,
            UUID by) {
        jdbc.sql("""
                INSERT INTO routines (id, org_id, client_id, name, template_id, published, created_by)
                VALUES (:id, :org, :client, :name, :template, :published, :by)
                """)
                .param("id", id)
                .param("org", org)
                .param("client", client)
                .param("name", name)
                .param("template", template)
                .param("published", published)
                .param("by", by)
                .update();
        insertSteps(org, id, steps);
    }

    void update(UUID org, UUID id, String name, boolean published, @Nullable List<Step> steps) {
        jdbc.sql(
                        "UPDATE routines SET name = :name, published = :published, updated_at = now() WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .param("name", name)
                .param("published", published)
                .update();
        if (steps != null) {
            jdbc.sql("DELETE FROM routine_steps WHERE org_id = :org AND routine_id = :id")
                    .param("org", org)
                    .param("id", id)
                    .update();
            insertSteps(org, id, steps);
        }
    }

    private void insertSteps(UUID org, UUID routine, List<Step> steps) {
        for (Step s : steps) {
            jdbc.sql("""
                    INSERT INTO routine_steps (id, org_id, routine_id, position, product_id, instructions)
                    VALUES (:id, :org, :routine, :position, :product, :instructions)
                    """)
                    .param("id", Ids.newId())
                    .param("org", org)
                    .param("routine", routine)
                    .param("position", s.position())
                    .param("product", s.productId())
                    .param("instructions", s.instructions())
                    .update();
        }
    }

    void delete(UUID org, UUID id) {
        jdbc.sql("DELETE FROM routines WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .update();
    }

    Optional<Routine> find(UUID org, UUID id) {
        return list(org, "id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** A client's routines, or (client null) the templates, published ones only when asked. */
    List<Routine> of(UUID org, @Nullable UUID client, boolean publishedOnly) {
        return client != null
                ? list(org, "client_id = :client", Map.of("client", client))
                : list(org, publishedOnly ? "client_id IS NULL AND published" : "client_id IS NULL", Map.of());
    }

    private List<Routine> list(UUID org, String where, Map<String, Object> params) {
        List<Routine> routines = jdbc.sql(
                        "SELECT * FROM routines WHERE org_id = :org AND " + where + " ORDER BY created_at, id")
                .param("org", org)
                .params(params)
                .query((rs, n) -> new Routine(
                        rs.getObject("id", UUID.class),
                        rs.getObject("client_id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("template_id", UUID.class),
                        rs.getBoolean("published"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        List.of()))
                .list();
        if (routines.isEmpty()) {
            return routines;
        }
        Map<UUID, List<Step>> steps = jdbc
                .sql("""
                SELECT routine_id, position, product_id, instructions FROM routine_steps
                WHERE org_id = :org AND routine_id = ANY(:ids) ORDER BY routine_id, position
                """)
                .param("org", org)
                .param("ids", routines.stream().map(Routine::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        new Step(rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return routines.stream()
                .map(r -> new Routine(
                        r.id(),
                        r.clientId(),
                        r.name(),
                        r.templateId(),
                        r.published(),
                        r.createdAt(),
                        r.updatedAt(),
                        steps.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
