package io.wellbase.memberships.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.memberships.MembershipCharges;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link MembershipCharges} over {@code membership_charges}: the renewals billing collects. */
@Service
class MembershipChargesService implements MembershipCharges {

    private static final String SELECT = """
            SELECT c.org_id, c.id, c.membership_id, m.client_id, p.name, c.amount, c.currency, c.period_start,
                   c.period_end, c.status = 'due' AS due
            FROM membership_charges c
            JOIN client_memberships m ON m.org_id = c.org_id AND m.id = c.membership_id
            JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    MembershipChargesService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DueCharge> oldestDue(UUID organizationId, UUID membershipId) {
        return jdbc.sql(SELECT + """
                WHERE c.org_id = :org AND c.membership_id = :m AND c.status = 'due'
                ORDER BY c.period_start
                LIMIT 1
                """)
                .param("org", organizationId)
                .param("m", membershipId)
                .query(this::row)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DueCharge> dueFor(UUID organizationId, Collection<UUID> clientIds, LocalDate today, int limit) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                WHERE c.org_id = :org AND c.status = 'due' AND c.period_start <= :today
                  AND m.client_id IN (:clients) AND m.status IN ('active', 'frozen')
                ORDER BY c.period_start, c.id
                LIMIT :limit
                """)
                .param("org", organizationId)
                .param("today", today)
                .param("clients", clientIds)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DueCharge> find(UUID organizationId, UUID chargeId) {
        return jdbc.sql(SELECT + "WHERE c.org_id = :org AND c.id = :id")
                .param("org", organizationId)
                .param("id", chargeId)
                .query(this::row)
                .optional();
    }

    @Override
    @Transactional
    public boolean collect(UUID organizationId, UUID chargeId) {
        boolean collected =
                jdbc.sql("""
                        UPDATE membership_charges SET status = 'collected'
                        WHERE org_id = :org AND id = :id AND status = 'due'
                        """).param("org", organizationId).param("id", chargeId).update() == 1;
        if (collected) {
            audit.record(AuditRecord.of(
                    organizationId,
                    "membership.charge_collected",
                    "membership_charge",
                    chargeId,
                    Map.of("status", new AuditChange("due", "collected"))));
        }
        return collected;
    }

    @Override
    @Transactional
    public void lapse(UUID organizationId, UUID chargeId, Lapse action) {
        UUID membership = jdbc.sql("""
                        UPDATE membership_charges SET status = 'void'
                        WHERE org_id = :org AND id = :id AND status = 'due'
                        RETURNING membership_id
                        """)
                .param("org", organizationId)
                .param("id", chargeId)
                .query(UUID.class)
                .optional()
                .orElse(null);
        if (membership == null) {
            return;
        }
        String next = action == Lapse.CANCEL ? "cancelled" : "frozen";
        int moved = jdbc.sql("""
                        UPDATE client_memberships SET status = :next, auto_renew = false, updated_at = now(),
                            version = version + 1
                        WHERE org_id = :org AND id = :id AND status IN ('active', 'frozen', 'pending')
                        """)
                .param("next", next)
                .param("org", organizationId)
                .param("id", membership)
                .update();
        audit.record(AuditRecord.of(
                organizationId,
                "membership.lapsed_unpaid",
                "membership",
                membership,
                Map.of("status", new AuditChange(null, moved == 1 ? next : "unchanged"))));
    }

    private DueCharge row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DueCharge(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class),
                rs.getBoolean(10));
    }
}
