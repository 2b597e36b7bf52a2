package io.wellbase.platform.plans;

import java.time.Instant;
import java.util.UUID;

/**
 * Counts one limit's usage for an organization, in the module that owns the data (organizations counts staff
 * seats, clients the active clients). {@code since} is the start of the month for monthly limits, and ignored
 * for the others.
 */
public interface UsageMeter {

    Limit limit();

    long count(UUID organizationId, Instant since);
}
