/** Part of the platform API that other modules use: background jobs. */
@org.springframework.modulith.NamedInterface("jobs")
package io.wellbase.platform.jobs;
