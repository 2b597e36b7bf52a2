package io.wellbase.memberships;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which class types and services an organization offers, answered by the module that owns them, so
 * a plan is never limited to another studio's class types or services.
 */
public interface PlanScope {

    /** The ids among {@code ids} that are class types of the organization (not archived). */
    Set<UUID> ownClassTypes(UUID organizationId, Collection<UUID> ids);

    /** The ids among {@code ids} that are services of the organization (not archived). */
    Set<UUID> ownServices(UUID organizationId, Collection<UUID> ids);
}
