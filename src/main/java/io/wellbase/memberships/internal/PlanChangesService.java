package io.wellbase.memberships.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.memberships.PlanChanges;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PlanChanges} over the memberships and plans tables. */
@Service
class PlanChangesService implements PlanChanges {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PlanChangesService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Current> current(UUID organizationId, UUID membershipId) {
        return jdbc.sql("""
                SELECT m.id, m.client_id, m.starts_on, m.ends_on, p.id AS plan_id, p.name, p.price_amount, p.currency,
                       p.kind, p.credits, p.period_unit, p.period_count
                FROM client_memberships m JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
                WHERE m.org_id = :org AND m.id = :id AND m.status IN ('active', 'frozen', 'pending')
                """)
                .param("org", organizationId)
                .param("id", membershipId)
                .query((rs, n) -> {
                    LocalDate end = rs.getObject("ends_on", LocalDate.class);
                    LocalDate start = periodStart(end, rs.getString("period_unit"), rs.getInt("period_count"));
                    LocalDate startsOn = rs.getObject("starts_on", LocalDate.class);
                    return new Current(
                            rs.getObject("id", UUID.class),
                            rs.getObject("client_id", UUID.class),
                            plan(rs),
                            start.isBefore(startsOn) ? startsOn : start,
                            end);
                })
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Plan> plan(UUID organizationId, UUID planId) {
        return jdbc.sql("""
                SELECT id AS plan_id, name, price_amount, currency, kind, credits FROM membership_plans
                WHERE org_id = :org AND id = :id AND archived_at IS NULL
                """)
                .param("org", organizationId)
                .param("id", planId)
                .query((rs, n) -> plan(rs))
                .optional();
    }

    @Override
    @Transactional
    public void change(UUID organizationId, UUID membershipId, UUID planId, UUID by) {
        UUID before = jdbc.sql("SELECT plan_id FROM client_memberships WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", organizationId)
                .param("id", membershipId)
                .query(UUID.class)
                .single();
        jdbc.sql("""
                UPDATE client_memberships SET plan_id = :plan, updated_at = now(), version = version + 1
                WHERE org_id = :org AND id = :id
                """)
                .param("plan", planId)
                .param("org", organizationId)
                .param("id", membershipId)
                .update();
        audit.record(AuditRecord.of(
                        organizationId,
                        "membership.plan_changed",
                        "membership",
                        membershipId,
                        Map.of("planId", new AuditChange(before.toString(), planId.toString())))
                .byActor(by));
    }

    /** The first day of the period that ends on {@code end}: the day after the same end a period earlier. */
    static LocalDate periodStart(LocalDate end, String unit, int count) {
        LocalDate next = end.plusDays(1);
        return switch (unit) {
            case "day" -> next.minusDays(count);
            case "week" -> next.minusWeeks(count);
            case "month" -> next.minusMonths(count);
            case "year" -> next.minusYears(count);
            default -> throw new IllegalArgumentException("Unknown period unit " + unit);
        };
    }

    private static Plan plan(java.sql.ResultSet rs) throws java.sql.SQLException {
        String kind = rs.getString("kind");
        boolean periodic = (kind.equals("subscription") || kind.equals("unlimited")) && rs.getObject("credits") == null;
        return new Plan(
                rs.getObject("plan_id", UUID.class),
                rs.getString("name"),
                rs.getLong("price_amount"),
                rs.getString("currency"),
                periodic);
    }
}
