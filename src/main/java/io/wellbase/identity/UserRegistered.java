package io.wellbase.identity;

import java.util.UUID;

/**
 * A new account was created.
 */
public record UserRegistered(UUID userId, String email) {}
