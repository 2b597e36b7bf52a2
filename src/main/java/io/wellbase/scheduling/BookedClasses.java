package io.wellbase.scheduling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Bookings of classes as notifications see them: who, which class, when and in which time zone, and
 * whether the booking still stands (confirmed, for a session that is still scheduled).
 */
public interface BookedClasses {

    /** The organization's bookings with these ids; ids of other organizations are absent. */
    Map<UUID, BookedClass> find(UUID organizationId, Collection<UUID> bookingIds);

    /**
     * Confirmed bookings of scheduled sessions that start after {@code from}, in booking id order after
     * {@code afterBookingId} (null: from the first), at most {@code limit}: a page of the bookings that
     * reminders are for.
     */
    List<BookedClass> upcoming(UUID organizationId, Instant from, @Nullable UUID afterBookingId, int limit);

    /** The waitlisted bookings of a session, for a message to everyone waiting for a place. */
    List<BookedClass> waitlistedOn(UUID organizationId, UUID sessionId);

    /** A booking of a class. */
    record BookedClass(
            UUID bookingId,
            UUID clientId,
            UUID sessionId,
            String className,
            OffsetDateTime startsAt,
            String timezone,
            String locationName,
            boolean confirmed,
            boolean sessionCancelled) {

        /** Confirmed, for a session still on: a reminder is worth sending. */
        public boolean stands() {
            return confirmed && !sessionCancelled;
        }
    }
}
