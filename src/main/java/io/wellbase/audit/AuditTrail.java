package io.wellbase.audit;

/**
 * Writes audit entries in the caller's transaction, so a change and its entry commit together.
 */
public interface AuditTrail {

    void record(AuditRecord record);
}
