package io.wellbase.identity;

/**
 * Seals secrets that must be stored but never leak with a copy of the database (the token signing keys, an
 * organization's Stripe keys): AES-256-GCM under the installation's key-encryption key, {@code context}
 * bound as associated data so a sealed value cannot be moved to another row.
 */
public interface SecretsAtRest {

    byte[] seal(String context, byte[] secret);

    /** The secret; fails when the value was sealed under another key or context. */
    byte[] open(String context, byte[] sealed);
}
