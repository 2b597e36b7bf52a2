package io.wellbase.platform.security;

import java.util.Optional;

/**
 * Turns the {@code X-Api-Key} header of a request into its caller, provided by the module that keeps API keys
 * (identity); the platform's filter chain asks it before the bearer token is read.
 */
public interface ApiKeyAuthenticator {

    /** The request's name for the header. */
    String HEADER = "X-Api-Key";

    /**
     * The caller for a presented key, or empty when the key is unknown, revoked or expired, or the member who made
     * it no longer holds a staff role in its organization. Records when and from where the key was last used.
     */
    Optional<Caller> authenticate(String presentedKey, String remoteAddress);
}
