package io.wellbase.organizations.internal.deletion;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.organizations.OrganizationsProperties;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling and restoring an organization's deletion. Scheduling needs the organization's name typed exactly;
 * from then on only its owners have access (staff, clients and API keys lose theirs within seconds), and after
 * {@link OrganizationsProperties#deletionGrace()} the removal job takes everything of it. Until then an owner
 * restores it and everything is as it was.
 */
@Service
class OrganizationDeletion {

    /** The exports a studio takes before its data is gone (docs/exports.md). */
    static final List<DeletionState.ExportOffer> EXPORTS =
            List.of("clients", "visits", "sales", "memberships", "bookings", "staff", "classes").stream()
                    .map(type -> new DeletionState.ExportOffer(
                            type, "/api/v1/exports?type=" + type + "&format=csv&async=true"))
                    .toList();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final OrganizationsProperties properties;

    OrganizationDeletion(JdbcClient jdbc, AuditTrail audit, OrganizationsProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    /** What a request to schedule the deletion came to. */
    sealed interface Scheduling {
        record Scheduled(DeletionState state) implements Scheduling {}

        record ConfirmationMismatch(String expected) implements Scheduling {}

        record AlreadyScheduled(DeletionState state) implements Scheduling {}
    }

    /** What a request to restore the organization came to. */
    sealed interface Restoring {
        record Restored(DeletionState state) implements Restoring {}

        record NotScheduled() implements Restoring {}

        record TooLate(OffsetDateTime dueAt) implements Restoring {}
    }

    private record Row(String name, OffsetDateTime requestedAt, UUID requestedBy, OffsetDateTime dueAt) {}

    @Transactional(readOnly = true)
    public DeletionState state(UUID orgId) {
        return toState(row(orgId, false));
    }

    @Transactional
    public Scheduling schedule(UUID orgId, UUID ownerId, String confirmation) {
        Row row = row(orgId, true);
        if (row.dueAt() != null) {
            return new Scheduling.AlreadyScheduled(toState(row));
        }
        if (confirmation == null || !confirmation.strip().equals(row.name().strip())) {
            return new Scheduling.ConfirmationMismatch(row.name());
        }
        OffsetDateTime due = jdbc.sql("""
                UPDATE organizations
                SET deletion_requested_at = now(), deletion_requested_by = :owner,
                    deletion_due_at = now() + make_interval(secs => :graceSeconds),
                    updated_at = now(), version = version + 1
                WHERE id = :org
                RETURNING deletion_due_at
                """)
                .param("owner", ownerId)
                .param("graceSeconds", (double) properties.deletionGrace().toSeconds())
                .param("org", orgId)
                .query(OffsetDateTime.class)
                .single();
        audit.record(AuditRecord.of(
                orgId,
                "organization.deletion_scheduled",
                "organization",
                orgId,
                Map.of("deletionDueAt", new AuditChange(null, due.toString()))));
        return new Scheduling.Scheduled(toState(row(orgId, false)));
    }

    @Transactional
    public Restoring restore(UUID orgId) {
        Row row = row(orgId, true);
        if (row.dueAt() == null) {
            return new Restoring.NotScheduled();
        }
        int restored = jdbc.sql("""
                UPDATE organizations
                SET deletion_requested_at = NULL, deletion_requested_by = NULL, deletion_due_at = NULL,
                    updated_at = now(), version = version + 1
                WHERE id = :org AND deletion_due_at > now()
                """).param("org", orgId).update();
        if (restored == 0) {
            return new Restoring.TooLate(row.dueAt()); // the removal may already be running
        }
        audit.record(AuditRecord.of(
                orgId,
                "organization.deletion_cancelled",
                "organization",
                orgId,
                Map.of("deletionDueAt", new AuditChange(row.dueAt().toString(), null))));
        return new Restoring.Restored(toState(row(orgId, false)));
    }

    private Row row(UUID orgId, boolean lock) {
        return jdbc.sql("""
                SELECT name, deletion_requested_at, deletion_requested_by, deletion_due_at FROM organizations
                WHERE id = :org
                """ + (lock ? " FOR UPDATE" : ""))
                .param("org", orgId)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, OffsetDateTime.class)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no organization " + orgId));
    }

    private DeletionState toState(Row row) {
        return new DeletionState(
                row.dueAt() == null ? DeletionStatus.NONE : DeletionStatus.SCHEDULED,
                row.name(),
                properties.deletionGrace().toDays(),
                row.requestedAt(),
                row.requestedBy(),
                row.dueAt(),
                EXPORTS);
    }
}
