/** Part of the platform API that other modules use: security. */
@org.springframework.modulith.NamedInterface("security")
package io.wellbase.platform.security;
