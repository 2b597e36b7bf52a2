package io.wellbase.platform.security;

import io.wellbase.platform.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user behind a request, with the organization the token is scoped to and the role
 * held there. The organization always comes from the token, never from the request body.
 */
public record Caller(
        UUID userId,
        @Nullable UUID organizationId,
        @Nullable Role role,
        String tokenId) {

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
        return organizationId != null && permission.grantedTo(role);
    }

    public void require(Permission permission) {
        requireOrganization();
        if (!permission.grantedTo(role)) {
            throw ApiException.forbidden(
                    "auth.forbidden", "Your role " + (role == null ? "(none)" : role.value()) + " may not do this");
        }
    }
}
