package io.wellbase.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user with the organization and role of the current token.
 */
public record Me(
        UUID id,
        String email,
        String firstName,
        String lastName,
        boolean emailVerified,
        @Nullable UUID organizationId,
        @Nullable String role) {}
