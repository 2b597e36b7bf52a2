/** Part of the platform API that other modules use: ratelimit. */
@org.springframework.modulith.NamedInterface("ratelimit")
package io.wellbase.platform.ratelimit;
