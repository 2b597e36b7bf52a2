package io.wellbase.identity;

import java.util.UUID;

/**
 * What other modules may know of a user: id, email and names.
 */
public record UserSummary(UUID id, String email, String firstName, String lastName, boolean emailVerified) {
}
