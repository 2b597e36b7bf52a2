package io.wellbase.audit;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change to write to the audit trail. The actor, address, user agent and request id are taken
 * from the current request unless {@code actorId} is given (sign-up, sign-in).
 *
 * @param organizationId the tenant the change belongs to, or null for a user's own account
 * @param action         what happened, {@code <entity>.<verb>}: {@code location.updated}
 * @param changes        field name to before and after; secrets are redacted by the trail
 */
public record AuditRecord(
        @Nullable UUID organizationId,
        @Nullable UUID actorId,
        String action,
        String entityType,
        @Nullable String entityId,
        Map<String, AuditChange> changes) {

    public AuditRecord {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    public static AuditRecord of(
            @Nullable UUID organizationId,
            String action,
            String entityType,
            @Nullable Object entityId,
            Map<String, AuditChange> changes) {
        return new AuditRecord(
                organizationId, null, action, entityType, entityId == null ? null : entityId.toString(), changes);
    }

    public AuditRecord byActor(UUID actor) {
        return new AuditRecord(organizationId, actor, action, entityType, entityId, changes);
    }
}
