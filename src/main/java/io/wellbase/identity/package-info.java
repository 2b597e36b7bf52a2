/**
 * Users, credentials, access and refresh tokens, password reset, email verification, profiles and
 * preferences.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
@io.wellbase.platform.data.OwnsTables({
    "users",
    "user_preferences",
    "refresh_tokens",
    "one_time_tokens",
    "jwt_signing_keys",
    "login_failures"
})
@io.wellbase.platform.data.PublishesViews({"report_users"})
@org.jspecify.annotations.NullMarked
package io.wellbase.identity;
