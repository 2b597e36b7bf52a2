package io.wellbase.messaging;

import java.util.UUID;

/**
 * Opens an emergency session in the counselor support queue for a client whom another module found in danger
 * (care: an assessment answer about self-harm). The session jumps the queue and alerts the counselors on duty
 * (with none, the owners and admins) and the organization's on-call contacts, as a client's own emergency does;
 * it joins the caller's transaction, so the finding and the alert are stored together or not at all.
 */
public interface EmergencySupport {

    /** An opened session, and where the client is told to find immediate help meanwhile. */
    record Opened(UUID sessionId, UUID conversationId, String crisisLine) {}

    Opened open(UUID organizationId, UUID clientId, UUID clientUserId, String topic);

    /** Where a client in crisis finds immediate help: the organization's crisis line, else the default. */
    String crisisLine(UUID organizationId);
}
