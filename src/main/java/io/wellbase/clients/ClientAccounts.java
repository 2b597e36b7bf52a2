package io.wellbase.clients;

import io.wellbase.identity.UserSummary;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Client portal accounts: which user is which client of an organization. A linked user signs in
 * with role {@code client} and sees only their own records.
 */
public interface ClientAccounts {

    /** The client record the user is linked to in the organization. */
    Optional<UUID> clientOf(UUID userId, UUID organizationId);

    /** The user linked to the client record (the client's portal account), empty when none is. */
    Optional<UUID> userOf(UUID organizationId, UUID clientId);

    /** Organizations where the user is a client (at most {@code limit}). */
    List<UUID> organizationsOf(UUID userId, int limit);

    /**
     * Makes the user a client of the organization and answers the client id. An existing client record
     * with the user's email is linked only when {@code emailVerified}: an unproven address never inherits
     * somebody's profile, memberships or bookings. Otherwise a new record is created (status lead, source
     * {@code portal}), which staff may later merge with the existing one.
     */
    UUID enroll(UUID organizationId, UserSummary user, String firstName, String lastName, @Nullable String phone);

    /** The signed-in client's own client id; 403 for anyone who is not a client of the active organization. */
    default UUID requireSelf(Caller caller) {
        UUID orgId = caller.requireOrganization();
        if (caller.role() != Role.CLIENT) {
            throw ApiException.forbidden("portal.clients_only", "This endpoint is for a business's clients");
        }
        return clientOf(caller.userId(), orgId)
                .orElseThrow(() ->
                        ApiException.forbidden("portal.not_linked", "Your account is not linked to a client record"));
    }
}
