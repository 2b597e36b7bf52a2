package io.wellbase.scheduling.internal.classes;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Class types: what a studio teaches (name, duration, default capacity, category, level, colour).
 */
@Service
public class ClassTypes {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SearchIndex search;

    ClassTypes(JdbcClient jdbc, AuditTrail audit, SearchIndex search) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.search = search;
    }

    /** A class type as the API shows it (and as a change carries it, nulls meaning unchanged). */
    public record ClassType(
            UUID id,
            String name,
            String description,
            String category,
            Integer durationMinutes,
            Integer defaultCapacity,
            String color,
            String level) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("description", description);
            map.put("category", category);
            map.put("durationMinutes", durationMinutes);
            map.put("defaultCapacity", defaultCapacity);
            map.put("color", color);
            map.put("level", level);
            return map;
        }
    }

    private static final String SELECT = """
            SELECT id, name, description, category, duration_minutes, default_capacity, color, level FROM class_types
            """;

    @Transactional
    public ClassType create(UUID orgId, ClassType t) {
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO class_types (id, org_id, name, description, category, duration_minutes, default_capacity, color, level)
                VALUES (:id, :org, :name, :description, :category, :duration, :capacity, :color, :level)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("name", t.name().trim())
                .param("description", t.description())
                .param("category", t.category())
                .param("duration", t.durationMinutes())
                .param("capacity", t.defaultCapacity())
                .param("color", t.color())
                .param("level", t.level())
                .update();
        search.changed(SearchType.CLASS_TYPE, orgId, id);
        ClassType created = get(orgId, id);
        audit.record(
                AuditRecord.of(orgId, "class_type.created", "class_type", id, AuditChange.created(created.asMap())));
        return created;
    }

    @Transactional(readOnly = true)
    ClassType get(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id AND archived_at IS NULL")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(ClassType.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Class type"));
    }

    @Transactional(readOnly = true)
    PageResult<ClassType> list(UUID orgId, PageQuery page) {
        List<ClassType> rows = jdbc.sql(SELECT
                        + " WHERE org_id = :org AND archived_at IS NULL ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("org", orgId)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(Rows.of(ClassType.class))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM class_types WHERE org_id = :org AND archived_at IS NULL")
                .param("org", orgId)
                .query(Long.class)
                .single();
        return PageResult.of(rows, page, total);
    }

    @Transactional
    ClassType update(UUID orgId, UUID id, ClassType patch) {
        ClassType c = get(orgId, id);
        jdbc.sql("""
                UPDATE class_types SET name = :name, description = :description, category = :category,
                    duration_minutes = :duration, default_capacity = :capacity, color = :color, level = :level,
                    updated_at = now()
                WHERE org_id = :org AND id = :id
                """)
                .param("name", patch.name() == null ? c.name() : patch.name().trim())
                .param("description", patch.description() == null ? c.description() : patch.description())
                .param("category", patch.category() == null ? c.category() : patch.category())
                .param("duration", patch.durationMinutes() == null ? c.durationMinutes() : patch.durationMinutes())
                .param("capacity", patch.defaultCapacity() == null ? c.defaultCapacity() : patch.defaultCapacity())
                .param("color", patch.color() == null ? c.color() : patch.color())
                .param("level", patch.level() == null ? c.level() : patch.level())
                .param("org", orgId)
                .param("id", id)
                .update();
        search.changed(SearchType.CLASS_TYPE, orgId, id);
        if (patch.name() != null && !patch.name().equals(c.name())) { // the sessions' titles carry the name
            search.changed(
                    SearchType.SESSION,
                    orgId,
                    jdbc.sql("SELECT id FROM class_sessions WHERE org_id = :org AND class_type_id = :type")
                            .param("org", orgId)
                            .param("type", id)
                            .query(UUID.class)
                            .list());
        }
        ClassType updated = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId, "class_type.updated", "class_type", id, AuditChange.diff(c.asMap(), updated.asMap())));
        return updated;
    }

    @Transactional
    void archive(UUID orgId, UUID id) {
        get(orgId, id);
        jdbc.sql("UPDATE class_types SET archived_at = now() WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .update();
        search.changed(SearchType.CLASS_TYPE, orgId, id);
        audit.record(AuditRecord.of(orgId, "class_type.archived", "class_type", id, Map.of()));
    }
}
