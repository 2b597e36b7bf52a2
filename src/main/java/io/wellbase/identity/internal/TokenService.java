package io.wellbase.identity.internal;

import io.wellbase.identity.AuthTokens;
import io.wellbase.identity.IdentityProperties;
import io.wellbase.identity.Me;
import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.identity.Sessions;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues an access token and a refresh token for a user, scoped to an organization where they are
 * a member (the role is read from the membership, never taken from the client).
 */
@Service
class TokenService implements Sessions {

    private final AccessTokens accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final UserStore users;
    private final OrganizationDirectory organizations;
    private final IdentityProperties properties;
    private final SessionRights rights;

    TokenService(
            AccessTokens accessTokens,
            RefreshTokenStore refreshTokens,
            UserStore users,
            OrganizationDirectory organizations,
            IdentityProperties properties,
            SessionRights rights) {
        this.rights = rights;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.organizations = organizations;
        this.properties = properties;
    }

    @Override
    @Transactional
    public AuthTokens start(UUID userId, UUID organizationId) {
        AuthTokens tokens = issue(userId, organizationId, Ids.newId());
        if (tokens.user().organizationId() != null) {
            // chosen on purpose (switch, invitation, join): the next sign-in resumes here
            users.rememberOrganization(userId, tokens.user().organizationId());
        }
        return tokens;
    }

    @Override
    public void rightsChanged(UUID userId) {
        rights.userChanged(userId);
    }

    /**
     * Tokens for a new sign-in, scoped to the organization the user last worked in (while they still
     * belong to it), else to their only organization when they have exactly one.
     */
    AuthTokens startDefault(UUID userId) {
        UUID org = users.lastOrganization(userId)
                .filter(last -> organizations.roleOf(userId, last).isPresent())
                .or(() -> organizations.defaultOrganization(userId))
                .orElse(null);
        return issue(userId, org, Ids.newId());
    }

    AuthTokens issue(UUID userId, UUID organizationId, UUID familyId) {
        UserStore.UserRow user = users.findById(userId)
                .orElseThrow(() -> ApiException.unauthorized("auth.invalid_token", "The account no longer exists"));
        Role role = null;
        if (organizationId != null) {
            role = organizations.roleOf(userId, organizationId).orElse(null);
            if (role == null) {
                organizationId = null;
            }
        }
        AccessTokens.Issued access = accessTokens.issue(userId, familyId, organizationId, role);
        String refresh = refreshTokens.issue(userId, familyId, organizationId, properties.refreshTokenTtl());
        return new AuthTokens(me(user, organizationId, role), access.token(), refresh, access.expiresIn());
    }

    static Me me(UserStore.UserRow user, UUID organizationId, Role role) {
        return new Me(
                user.id(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.emailVerifiedAt() != null,
                organizationId,
                role == null ? null : role.value());
    }
}
