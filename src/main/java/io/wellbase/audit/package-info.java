/**
 * The audit trail of every change: who, what, when, from where, and the fields before and after.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@io.wellbase.platform.data.OwnsTables({"audit_log"})
@org.jspecify.annotations.NullMarked
package io.wellbase.audit;
