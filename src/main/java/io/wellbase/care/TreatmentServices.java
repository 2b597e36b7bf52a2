package io.wellbase.care;

import java.util.Map;
import java.util.UUID;

/**
 * What a client's active treatment plans ask for, for suggesting products that go with them: the services of their
 * milestones still to come, each with the name of its plan.
 */
public interface TreatmentServices {

    /** Service id to the name of the (first) active plan whose pending milestones name it. */
    Map<UUID, String> plannedServices(UUID organizationId, UUID clientId);
}
