/**
 * Users, credentials, access and refresh tokens, password reset, email verification, profiles and
 * preferences.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.wellbase.identity;
