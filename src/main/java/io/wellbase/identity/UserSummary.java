package io.wellbase.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of a user: id, email and names.
 */
public record UserSummary(UUID id, @Nullable String email, String firstName, String lastName, boolean emailVerified) {}
