package io.wellbase.scheduling;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Events scheduling publishes through the event publication registry; memberships and
 * notifications listen to them.
 */
public final class SchedulingEvents {

    private SchedulingEvents() {}

    /** A seat was confirmed for a client. */
    public record BookingConfirmed(
            UUID organizationId, UUID bookingId, UUID sessionId, UUID clientId, OffsetDateTime startsAt) {}

    /**
     * A booking was cancelled; {@code late} when inside the late-cancel window. {@code startsAt} is the session's
     * start (null in publications stored before it was added).
     */
    public record BookingCancelled(
            UUID organizationId,
            UUID bookingId,
            UUID sessionId,
            UUID clientId,
            boolean late,
            @Nullable OffsetDateTime startsAt) {}

    /** A waitlisted client got the freed seat. */
    public record WaitlistPromoted(UUID organizationId, UUID bookingId, UUID sessionId, UUID clientId) {}

    /**
     * A seat came free and is not promoted automatically (policy notify_all, or past the promotion
     * cutoff): everyone waiting may take it, first come first served. {@code seatId} names this freed seat,
     * so that a listener retried later tells each waiting client of it once.
     */
    public record WaitlistSeatAvailable(
            UUID organizationId, UUID sessionId, UUID seatId, java.util.List<UUID> waitingClientIds) {}

    /** A session was cancelled, with all its bookings. */
    public record SessionCancelled(
            UUID organizationId, UUID sessionId, @Nullable String reason, OffsetDateTime startsAt) {}

    /** A client was checked in to a session. */
    public record ClientCheckedIn(UUID organizationId, UUID bookingId, UUID sessionId, UUID clientId) {}

    /** A 1:1 appointment was booked. */
    public record AppointmentBooked(
            UUID organizationId, UUID appointmentId, UUID clientId, UUID staffId, OffsetDateTime startsAt) {}

    /** An appointment moved to a new time. */
    public record AppointmentRescheduled(
            UUID organizationId, UUID appointmentId, OffsetDateTime oldStart, OffsetDateTime newStart) {}

    /** An appointment was cancelled. */
    public record AppointmentCancelled(UUID organizationId, UUID appointmentId, UUID clientId) {}
}
