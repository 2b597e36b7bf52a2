package io.wellbase.platform.plans;

import java.util.UUID;

/**
 * Asked before a feature is used or a limit is added to. Answers an outcome, never throws: the caller's web
 * layer turns a refusal into 402 (feature) or 403 (limit) with {@link PlanRefusal}'s code.
 */
public interface PlanGate {

    /** Whether the organization's tier includes the feature. */
    boolean allows(UUID organizationId, Feature feature);

    /** Whether {@code adding} more fit under the limit (always true when the tier has no such limit). */
    boolean fits(UUID organizationId, Limit limit, long adding);

    /** How many more fit under the limit now ({@link Long#MAX_VALUE} when the tier has no such limit). */
    long room(UUID organizationId, Limit limit);

    /** Refuses with {@link PlanRefusal} when {@code adding} more would pass the limit. */
    default void requireRoom(UUID organizationId, Limit limit, long adding) {
        if (!fits(organizationId, limit, adding)) {
            throw PlanRefusal.limitReached(limit);
        }
    }

    /** A gate that allows everything: a self-hosted install. */
    PlanGate UNLOCKED = new PlanGate() {
        @Override
        public boolean allows(UUID organizationId, Feature feature) {
            return true;
        }

        @Override
        public boolean fits(UUID organizationId, Limit limit, long adding) {
            return true;
        }

        @Override
        public long room(UUID organizationId, Limit limit) {
            return Long.MAX_VALUE;
        }
    };
}
