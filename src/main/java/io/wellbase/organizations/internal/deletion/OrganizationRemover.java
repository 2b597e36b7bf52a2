package io.wellbase.organizations.internal.deletion;

import io.wellbase.platform.data.OrganizationRows;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes everything of one organization: each module's part first removes what lives outside the database
 * (stored bytes), then, in one transaction, each part deletes the organization's rows of its own tables, in an
 * order where a row goes before the rows it references (read from the database's foreign keys, so a new table
 * needs nothing here but its module's {@code @OwnsTables}), and last the organization itself. A crash anywhere
 * repeats the removal on the next run; other organizations are never touched (every statement names this one).
 */
@Component
class OrganizationRemover {

    private static final Logger log = LoggerFactory.getLogger(OrganizationRemover.class);

    private final JdbcClient jdbc;
    private final List<OrganizationRows> parts;
    private final TransactionTemplate transactions;
    private volatile List<Step> plan;

    OrganizationRemover(JdbcClient jdbc, List<OrganizationRows> parts, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.parts = parts;
        this.transactions = transactions;
    }

    /** One table's rows, deleted by the module that owns it. */
    record Step(String table, OrganizationRows owner) {}

    /** Answers how many rows went. */
    long remove(UUID organizationId) {
        if (!due(organizationId)) {
            return 0; // restored in time (a restore is refused once the deletion is due), or already removed
        }
        parts.forEach(part -> part.removeOutside(organizationId));
        Long removed = transactions.execute(status -> {
            var request = jdbc.sql("""
                    SELECT deletion_requested_at, deletion_requested_by FROM organizations
                    WHERE id = :org AND deletion_due_at <= now() FOR UPDATE
                    """)
                    .param("org", organizationId)
                    .query((rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2, UUID.class)})
                    .optional();
            if (request.isEmpty()) {
                return 0L; // removed by another node in the meantime
            }
            long rows = 0;
            for (Step step : plan()) {
                rows += step.owner().delete(step.table(), organizationId);
            }
            rows += jdbc.sql("DELETE FROM organizations WHERE id = :org")
                    .param("org", organizationId)
                    .update();
            jdbc.sql("""
                    INSERT INTO organization_removals (removed_org_id, requested_at, requested_by, rows_removed)
                    VALUES (:org, :requestedAt, :requestedBy, :rows)
                    """)
                    .param("org", organizationId)
                    .param("requestedAt", request.get()[0])
                    .param("requestedBy", request.get()[1])
                    .param("rows", rows)
                    .update();
            return rows;
        });
        log.info("Organization {} removed: {} rows", organizationId, removed);
        return removed == null ? 0 : removed;
    }

    /** The organizations whose deletion is due, oldest first. */
    List<UUID> dueOrganizations(int limit) {
        return jdbc.sql("""
                SELECT id FROM organizations WHERE deletion_due_at <= now() ORDER BY deletion_due_at LIMIT :limit
                """).param("limit", limit).query(UUID.class).list();
    }

    private boolean due(UUID organizationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations WHERE id = :org AND deletion_due_at <= now())")
                .param("org", organizationId)
                .query(Boolean.class)
                .single();
    }

    /** The tables with an {@code org_id}, each with its owner, dependents first. */
    List<Step> plan() {
        List<Step> current = plan;
        if (current == null) {
            current = plan = orderedSteps();
        }
        return current;
    }

    private List<Step> orderedSteps() {
        Map<String, OrganizationRows> owners = new HashMap<>();
        parts.forEach(part -> part.tables().forEach(table -> owners.put(table, part)));
        Set<String> withOrganization =
                new TreeSet<>(jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = current_schema() AND c.column_name = 'org_id' AND t.table_type = 'BASE TABLE'
                """).query(String.class).list());
        List<String> unowned =
                withOrganization.stream().filter(t -> !owners.containsKey(t)).toList();
        if (!unowned.isEmpty()) {
            throw new IllegalStateException("tables with org_id that no module's @OwnsTables names: " + unowned);
        }
        // child -> the parents it references (self references are deleted in the same statement)
        Map<String, Set<String>> references = new LinkedHashMap<>();
        withOrganization.forEach(t -> references.put(t, new HashSet<>()));
        jdbc.sql("""
                SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
                FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid
                """)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()
                .forEach(edge -> {
                    if (references.containsKey(edge[0]) && references.containsKey(edge[1])) {
                        references.get(edge[0]).add(edge[1]);
                    }
                });
        return topological(references).stream()
                .map(table -> new Step(table, owners.get(table)))
                .toList();
    }

    /** Children before their parents (Kahn's algorithm over "is referenced by"); a cycle is an error. */
    private static List<String> topological(Map<String, Set<String>> references) {
        Map<String, Integer> referencedBy = new HashMap<>();
        references.keySet().forEach(t -> referencedBy.put(t, 0));
        references.values().forEach(parents -> parents.forEach(p -> referencedBy.merge(p, 1, Integer::sum)));
        Deque<String> ready = new ArrayDeque<>();
        references.keySet().stream().filter(t -> referencedBy.get(t) == 0).forEach(ready::add);
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String table = ready.poll();
            order.add(table);
            for (String parent : references.get(table)) {
                if (referencedBy.merge(parent, -1, Integer::sum) == 0) {
                    ready.add(parent);
                }
            }
        }
        if (order.size() != references.size()) {
            Set<String> cyclic = new TreeSet<>(references.keySet());
            order.forEach(cyclic::remove);
            throw new IllegalStateException("foreign keys form a cycle between " + cyclic);
        }
        return order;
    }
}
