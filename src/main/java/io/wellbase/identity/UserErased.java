package io.wellbase.identity;

import java.util.UUID;

/**
 * A user erased their account: personal data is gone, the id stays in audit entries.
 */
public record UserErased(UUID userId) {}
