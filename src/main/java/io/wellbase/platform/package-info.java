/**
 * Cross-cutting web and data plumbing: problem details, pagination, request ids, rate limiting,
 * the security filter chain, background jobs, outgoing mail, demo data and id generation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
@io.wellbase.platform.data.OwnsTables({"scheduled_tasks", "event_publication", "idempotency_keys"})
@org.jspecify.annotations.NullMarked
package io.wellbase.platform;
