/** Part of the platform API that other modules use: background jobs. */
@org.springframework.modulith.NamedInterface("jobs")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.jobs;
