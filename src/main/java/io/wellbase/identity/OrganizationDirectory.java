package io.wellbase.identity;

import io.wellbase.platform.security.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * What identity needs to know of organizations to scope tokens, provided by the organizations
 * module (which depends on identity, not the other way round).
 */
public interface OrganizationDirectory {

    /**
     * The user's role in the organization, empty when they are not a member; while the organization is
     * scheduled for deletion only owners keep theirs.
     */
    Optional<Role> roleOf(UUID userId, UUID organizationId);

    /** Whether the organization is scheduled for deletion (its API keys stop working then). */
    boolean deletionScheduled(UUID organizationId);

    /** The organizations where the user is a staff member. */
    java.util.List<UUID> staffOrganizations(UUID userId);

    /** The organization a fresh sign-in is scoped to: the only one, when the user has exactly one. */
    Optional<UUID> defaultOrganization(UUID userId);

    /**
     * Called before a user erases their account: ends their memberships, or refuses (409) when the
     * user is the last owner of an organization.
     */
    void releaseUser(UUID userId);
}
