package io.wellbase.platform.security;

import java.util.Optional;

/**
 * Verifies an access token outside an HTTP request (a WebSocket frame): the same checks as the HTTP
 * resource server, current rights included (a signed-out session or a removed member is refused).
 */
public interface BearerTokens {

    /** The caller the token stands for, or empty when it is invalid, expired or revoked. */
    Optional<Caller> verify(String token);
}
