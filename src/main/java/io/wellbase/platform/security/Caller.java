package io.wellbase.platform.security;

import io.wellbase.platform.web.ApiException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user behind a request, with the organization the token is scoped to and the role
 * held there. The organization always comes from the token, never from the request body. A request made with
 * an API key has the key's id and scopes: it acts for the member who made the key, with no more than the scopes
 * the key was given and the role that member holds now.
 */
public record Caller(
        UUID userId,
        @Nullable UUID organizationId,
        @Nullable Role role,
        String tokenId,
        @Nullable UUID apiKeyId,
        @Nullable Set<Permission> scopes) {

    /** A caller signed in with an access token (no scopes beyond the role's). */
    public Caller(UUID userId, @Nullable UUID organizationId, @Nullable Role role, String tokenId) {
        this(userId, organizationId, role, tokenId, null, null);
    }

    /** A caller authenticated by an API key: the key's maker, their current role and the key's scopes. */
    public static Caller ofApiKey(UUID apiKeyId, UUID makerId, UUID organizationId, Role role, Set<Permission> scopes) {
        return new Caller(makerId, organizationId, role, "api-key:" + apiKeyId, apiKeyId, Set.copyOf(scopes));
    }

    /** Whether this request came with an API key rather than a person's sign-in. */
    public boolean viaApiKey() {
        return apiKeyId != null;
    }

    /**
     * Who the request's idempotency keys and rate limits belong to: the API key when there is one (a key and the
     * person who made it never share a budget or a replay), the user otherwise.
     */
    public UUID principalId() {
        return apiKeyId != null ? apiKeyId : userId;
    }

    /** The caller of the current request; 401 when there is none. */
    public static Caller current() {
        return currentIfAny()
                .orElseThrow(() -> ApiException.unauthorized("auth.unauthenticated", "Sign in to use this endpoint"));
    }

    public static Optional<Caller> currentIfAny() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    /** The active organization; 403 when the token is not scoped to one. */
    public UUID requireOrganization() {
        if (organizationId == null) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "organization.not_selected",
                    "No active organization: create one or switch to one first");
        }
        return organizationId;
    }

    public boolean can(Permission permission) {
        return organizationId != null && permission.grantedTo(role) && (scopes == null || scopes.contains(permission));
    }

    public void require(Permission permission) {
        requireOrganization();
        if (!permission.grantedTo(role)) {
            throw ApiException.forbidden(
                    "auth.forbidden", "Your role " + (role == null ? "(none)" : role.value()) + " may not do this");
        }
        if (scopes != null && !scopes.contains(permission)) {
            throw ApiException.forbidden(
                    "auth.scope_missing", "This API key does not have the scope " + permission.value());
        }
    }

    /** Refuses a request made with an API key: for what only a person may do (making keys, signing in). */
    public void requirePerson() {
        if (viaApiKey()) {
            throw ApiException.forbidden("auth.person_required", "This needs a person's sign-in, not an API key");
        }
    }
}
