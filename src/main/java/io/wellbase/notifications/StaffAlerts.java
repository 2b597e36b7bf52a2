package io.wellbase.notifications;

import java.util.Collection;
import java.util.UUID;

/**
 * Urgent word to staff members that no preference or quiet hour holds back (a client in crisis waiting for a
 * counselor): in the app at once (and so on their sockets) and by email. Written in the caller's
 * transaction.
 */
public interface StaffAlerts {

    /** A chat session at emergency priority is waiting; {@code topic} is what the client wrote. */
    void emergencyWaiting(
            UUID organizationId, Collection<UUID> staffIds, Collection<Contact> contacts, UUID sessionId, String topic);

    /**
     * Someone reached at an address of their own rather than through an account: an organization's on-call
     * contact, or a counselor's alert phone. Emails and texts go out at once, in the organization's language.
     */
    record Contact(
            String name,
            @org.jspecify.annotations.Nullable String email,
            @org.jspecify.annotations.Nullable String phone) {}

    /** A waiting session is offered to a counselor with a free place (they take it from the queue). */
    void sessionOffered(UUID organizationId, UUID counselorId, UUID sessionId, String topic);

    /**
     * A client's message signals a crisis: they are told at once, in their language, where to find immediate
     * help ({@code crisisLine}).
     */
    void crisisHelp(UUID organizationId, UUID clientUserId, UUID sessionId, String crisisLine);
}
