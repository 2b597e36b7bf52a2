/**
 * Users, credentials, access and refresh tokens, password reset, email verification, profiles and
 * preferences, sign-in with Google and GitHub, and the organizations' API keys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
@io.wellbase.platform.data.OwnsTables({
    "users",
    "user_preferences",
    "refresh_tokens",
    "one_time_tokens",
    "jwt_signing_keys",
    "login_failures",
    "api_keys",
    "user_identities",
    "oauth_authorization_requests",
    "oauth_pending_links",
    "user_settings"
})
@io.wellbase.platform.data.PublishesViews({"report_users"})
@org.jspecify.annotations.NullMarked
package io.wellbase.identity;
