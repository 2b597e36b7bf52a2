package io.wellbase.scheduling;

import java.util.UUID;

/** Creates the upcoming class sessions of an organization's schedules now, rather than at the next job run. */
public interface SessionHorizon {

    /** Generates sessions up to the booking horizon for every active schedule; answers how many were new. */
    int extend(UUID organizationId);
}
