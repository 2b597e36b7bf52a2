/** Part of the platform API that other modules use: ratelimit. */
@org.springframework.modulith.NamedInterface("ratelimit")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.ratelimit;
