package io.wellbase.scheduling.internal.classes;

import io.wellbase.platform.web.ApiException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Books a seat (or a waitlist place). When the last seat goes to a concurrent request between the look
 * and the locked update, that transaction rolls back and this looks once more, in a new one: now the
 * session is full (409) or the client joins the waitlist. Outside a transaction on purpose.
 */
@Service
class BookSession {

    private final Bookings bookings;

    BookSession(Bookings bookings) {
        this.bookings = bookings;
    }

    Bookings.Booking book(
            UUID orgId, UUID sessionId, UUID clientId, boolean joinWaitlist, boolean staffOverride, UUID by) {
        try {
            return bookings.book(orgId, sessionId, clientId, joinWaitlist, staffOverride, by);
        } catch (Bookings.SeatTakenMeanwhile lost) {
            try {
                return bookings.book(orgId, sessionId, clientId, joinWaitlist, staffOverride, by);
            } catch (Bookings.SeatTakenMeanwhile again) {
                throw ApiException.conflict("booking.session_full", "The session is full");
            }
        }
    }
}
