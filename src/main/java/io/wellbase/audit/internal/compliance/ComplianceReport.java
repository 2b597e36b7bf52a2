package io.wellbase.audit.internal.compliance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the audit trail says about one organization over a period (days in the organization's time zone): how
 * many actions, by whom, on what and when, and the activity an auditor looks at first.
 */
record ComplianceReport(
        UUID organizationId,
        String organization,
        String timezone,
        LocalDate from,
        LocalDate to,
        OffsetDateTime generatedAt,
        Totals totals,
        List<ActorCount> byActor,
        List<EntityCount> byEntityType,
        List<DayCount> byDay,
        List<Cell> perActorEntityAndDay,
        List<Finding> unusual) {

    record Totals(long actions, long actors, long exports, long failedSignIns, long roleChanges) {}

    /** An actor's actions; a null actor is the system (jobs, webhooks) or an anonymous caller. */
    record ActorCount(
            @Nullable UUID actorId,
            @Nullable String name,
            @Nullable String email,
            long actions) {}

    record EntityCount(String entityType, long actions) {}

    record DayCount(LocalDate day, long actions) {}

    record Cell(LocalDate day, @Nullable UUID actorId, String entityType, long actions) {}

    /** One thing worth a look, with the rule that found it. */
    record Finding(
            FindingKind kind,
            LocalDate day,
            @Nullable UUID actorId,
            @Nullable String actor,
            long count,
            String detail) {}

    enum FindingKind {
        /** An export of at least {@link ComplianceReports#BULK_EXPORT_ROWS} rows, or many exports in one day. */
        BULK_EXPORT("bulk_export"),
        /** At least {@link ComplianceReports#FAILED_SIGN_INS_PER_DAY} failed sign-ins of one member in a day. */
        FAILED_SIGN_INS("failed_sign_ins"),
        /** A member's role changed, or a member was removed. */
        ROLE_CHANGE("role_change"),
        /** The organization's deletion was scheduled or cancelled. */
        ORGANIZATION_DELETION("organization_deletion");

        private final String value;

        FindingKind(String value) {
            this.value = value;
        }

        @JsonValue
        String value() {
            return value;
        }
    }
}
