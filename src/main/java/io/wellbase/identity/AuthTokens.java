package io.wellbase.identity;

/**
 * The answer to a successful sign-in: the user, a short-lived access token and a refresh token.
 *
 * @param expiresIn seconds until the access token expires
 */
public record AuthTokens(Me user, String accessToken, String refreshToken, long expiresIn) {}
