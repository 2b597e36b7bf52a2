/** Part of the platform API that other modules use: security. */
@org.springframework.modulith.NamedInterface("security")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.security;
