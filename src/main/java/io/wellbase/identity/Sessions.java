package io.wellbase.identity;

import java.util.UUID;

/**
 * Starts signed-in sessions for other modules (for example after a new user accepts an invitation).
 */
public interface Sessions {

    /** Issues tokens for the user scoped to the organization (which must have them as a member). */
    AuthTokens start(UUID userId, UUID organizationId);

    /**
     * Says that a user's rights changed (a role changed, a membership or client link ended): this node
     * forgets what it knew of their sessions at once, and other nodes within the session check interval.
     */
    void rightsChanged(UUID userId);
}
