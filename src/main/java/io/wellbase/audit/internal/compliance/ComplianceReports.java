package io.wellbase.audit.internal.compliance;

import io.wellbase.audit.internal.compliance.ComplianceReport.ActorCount;
import io.wellbase.audit.internal.compliance.ComplianceReport.Cell;
import io.wellbase.audit.internal.compliance.ComplianceReport.DayCount;
import io.wellbase.audit.internal.compliance.ComplianceReport.EntityCount;
import io.wellbase.audit.internal.compliance.ComplianceReport.Finding;
import io.wellbase.audit.internal.compliance.ComplianceReport.FindingKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the compliance report from the audit trail: one grouped pass for the counts (by actor, entity type and
 * day, and each alone) and one pass over the few kinds of entries the findings come from. Names come from
 * identity's published {@code report_users}, the time zone from organizations' {@code report_organizations}.
 */
@Component
class ComplianceReports {

    /** An export of this many rows or more is a bulk export. */
    static final long BULK_EXPORT_ROWS = 1_000;
    /** This many exports or reports by one actor in one day are a bulk export too. */
    static final long EXPORTS_PER_DAY = 5;
    /** This many failed sign-ins of one member in one day are worth a look. */
    static final long FAILED_SIGN_INS_PER_DAY = 5;

    private static final String EXPORTS =
            "(a.action IN ('export.requested', 'report.requested') OR a.action LIKE '%.exported')";

    /** The period's entries, with their day in the organization's time zone. */
    private static final String ENTRIES = """
            WITH o AS (SELECT timezone FROM report_organizations WHERE org_id = :org),
            e AS (
                SELECT a.*, (a.occurred_at AT TIME ZONE o.timezone)::date AS day
                FROM audit_log a, o
                WHERE a.org_id = :org
                  AND a.occurred_at >= (CAST(:from AS date)::timestamp AT TIME ZONE o.timezone)
                  AND a.occurred_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE o.timezone))
            """;

    private final JdbcClient jdbc;

    ComplianceReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Today in the organization's time zone. */
    LocalDate today(UUID orgId) {
        String zone = jdbc.sql("SELECT timezone FROM report_organizations WHERE org_id = :org")
                .param("org", orgId)
                .query(String.class)
                .single();
        return LocalDate.now(java.time.ZoneId.of(zone));
    }

    private record Group(int grouping, UUID actorId, String entityType, LocalDate day, long actions) {}

    @Transactional(readOnly = true)
    public ComplianceReport build(UUID orgId, LocalDate from, LocalDate to) {
        String[] organization = jdbc.sql("SELECT name, timezone FROM report_organizations WHERE org_id = :org")
                .param("org", orgId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        List<Group> groups = jdbc.sql(ENTRIES + """
                SELECT GROUPING(actor_id, entity_type, day) AS grouping, actor_id, entity_type, day, count(*) AS actions
                FROM e
                GROUP BY GROUPING SETS ((day, actor_id, entity_type), (actor_id), (entity_type), (day), ())
                ORDER BY 1, day, actor_id, entity_type
                """)
                .param("org", orgId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Group(
                        rs.getInt("grouping"),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("entity_type"),
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("actions")))
                .list();
        // GROUPING bits: actor_id 4, entity_type 2, day 1 (a set bit: rolled up)
        List<Cell> cells = new ArrayList<>();
        List<EntityCount> byEntity = new ArrayList<>();
        List<DayCount> byDay = new ArrayList<>();
        List<UUID> actors = new ArrayList<>();
        List<Long> actorActions = new ArrayList<>();
        long total = 0;
        for (Group g : groups) {
            switch (g.grouping()) {
                case 0 -> cells.add(new Cell(g.day(), g.actorId(), g.entityType(), g.actions()));
                case 3 -> {
                    actors.add(g.actorId());
                    actorActions.add(g.actions());
                }
                case 5 -> byEntity.add(new EntityCount(g.entityType(), g.actions()));
                case 6 -> byDay.add(new DayCount(g.day(), g.actions()));
                default -> total = g.actions();
            }
        }
        var people = names(actors);
        List<ActorCount> byActor = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) {
            String[] person = actors.get(i) == null ? null : people.get(actors.get(i));
            byActor.add(new ActorCount(
                    actors.get(i),
                    person == null ? null : person[0],
                    person == null ? null : person[1],
                    actorActions.get(i)));
        }
        byActor.sort(Comparator.comparingLong(ActorCount::actions).reversed());
        byEntity.sort(Comparator.comparingLong(EntityCount::actions).reversed());
        List<Finding> findings = findings(orgId, from, to, people);
        long[] counts = jdbc.sql(ENTRIES + """
                SELECT count(*) FILTER (WHERE %s) AS exports,
                       count(*) FILTER (WHERE a.action = 'user.sign_in_failed') AS failed_sign_ins,
                       count(*) FILTER (WHERE a.action IN ('member.role_changed', 'member.removed')) AS role_changes
                FROM e a
                """.formatted(EXPORTS))
                .param("org", orgId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        return new ComplianceReport(
                orgId,
                organization[0],
                organization[1],
                from,
                to,
                OffsetDateTime.now(),
                new ComplianceReport.Totals(
                        total,
                        actors.stream().filter(java.util.Objects::nonNull).count(),
                        counts[0],
                        counts[1],
                        counts[2]),
                byActor,
                byEntity,
                byDay,
                cells,
                findings);
    }

    private java.util.Map<UUID, String[]> names(List<UUID> actors) {
        List<UUID> ids = actors.stream().filter(java.util.Objects::nonNull).toList();
        java.util.Map<UUID, String[]> names = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                SELECT id, CASE WHEN erased_at IS NULL THEN trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))
                           ELSE '(erased)' END AS name,
                       CASE WHEN erased_at IS NULL THEN email END AS email
                FROM report_users WHERE id = ANY(:ids)
                """).param("ids", ids.toArray(UUID[]::new)).query(rs -> {
            names.put(rs.getObject("id", UUID.class), new String[] {rs.getString("name"), rs.getString("email")});
        });
        return names;
    }

    private List<Finding> findings(UUID orgId, LocalDate from, LocalDate to, java.util.Map<UUID, String[]> people) {
        List<Finding> findings = new ArrayList<>();
        jdbc.sql(ENTRIES + """
                SELECT 'bulk_export' AS kind, day, actor_id, 1 AS count,
                       action || ' of ' || (changes -> 'rows' ->> 'after') || ' rows' AS detail, occurred_at AS at
                FROM e a WHERE a.action = 'export.requested'
                  AND (changes -> 'rows' ->> 'after') ~ '^[0-9]+$' AND (changes -> 'rows' ->> 'after')::bigint >= :rows
                UNION ALL
                SELECT 'bulk_export', day, actor_id, count(*), count(*) || ' exports and reports in one day', max(occurred_at)
                FROM e a WHERE %s
                GROUP BY day, actor_id HAVING count(*) >= :exports
                UNION ALL
                SELECT 'failed_sign_ins', day, actor_id, count(*), count(*) || ' failed sign-ins', max(occurred_at)
                FROM e a WHERE a.action = 'user.sign_in_failed'
                GROUP BY day, actor_id HAVING count(*) >= :failures
                UNION ALL
                SELECT 'role_change', day, actor_id, 1,
                       CASE WHEN action = 'member.removed' THEN 'removed member ' || coalesce(entity_id, '')
                            ELSE 'role of ' || coalesce(entity_id, '') || ': '
                                 || coalesce(changes -> 'role' ->> 'before', '?') || ' → '
                                 || coalesce(changes -> 'role' ->> 'after', '?') END, occurred_at
                FROM e a WHERE a.action IN ('member.role_changed', 'member.removed')
                UNION ALL
                SELECT 'organization_deletion', day, actor_id, 1, action, occurred_at
                FROM e a WHERE a.action IN ('organization.deletion_scheduled', 'organization.deletion_cancelled')
                ORDER BY at, kind
                """.formatted(EXPORTS))
                .param("org", orgId)
                .param("from", from)
                .param("to", to)
                .param("rows", BULK_EXPORT_ROWS)
                .param("exports", EXPORTS_PER_DAY)
                .param("failures", FAILED_SIGN_INS_PER_DAY)
                .query(rs -> {
                    UUID actor = rs.getObject("actor_id", UUID.class);
                    String[] person = actor == null ? null : people.get(actor);
                    findings.add(new Finding(
                            kind(rs.getString("kind")),
                            rs.getObject("day", LocalDate.class),
                            actor,
                            person == null ? null : person[0],
                            rs.getLong("count"),
                            rs.getString("detail")));
                });
        return findings;
    }

    private static FindingKind kind(String value) {
        for (FindingKind kind : FindingKind.values()) {
            if (kind.value().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
