package io.wellbase.organizations;

import java.util.List;
import java.util.UUID;

/**
 * What other modules still run at a location. A location with live schedules or services cannot be
 * archived: its classes would go on being generated and booked at a place that no longer exists.
 */
public interface LocationUsage {

    /** Short descriptions of what still uses the location ("2 schedules"), empty when nothing does. */
    List<String> liveUses(UUID organizationId, UUID locationId);
}
