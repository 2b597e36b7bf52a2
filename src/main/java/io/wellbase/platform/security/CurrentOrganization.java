package io.wellbase.platform.security;

import java.util.Objects;
import java.util.UUID;

/**
 * The organization the caller's token is scoped to, as a controller parameter: a handler that needs
 * only the organization takes this instead of {@link Caller}. Resolving it answers 401 when nobody is
 * signed in and 403 {@code organization.not_selected} when the token has no active organization, as
 * {@link Caller#requireOrganization()} does. A type of its own, not an annotated {@code UUID}, so that
 * it can never be bound from a query parameter by mistake.
 */
public record CurrentOrganization(UUID id) {

    public CurrentOrganization {
        Objects.requireNonNull(id, "id");
    }

    /** The caller's active organization; 403 when there is none. */
    public static CurrentOrganization of(Caller caller) {
        return new CurrentOrganization(caller.requireOrganization());
    }
}
