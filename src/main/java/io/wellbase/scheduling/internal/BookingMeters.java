package io.wellbase.scheduling.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wellbase.scheduling.SchedulingEvents.BookingCancelled;
import io.wellbase.scheduling.SchedulingEvents.BookingConfirmed;
import io.wellbase.scheduling.SchedulingEvents.WaitlistPromoted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Bookings as an operator counts them ({@code wellbase.bookings} by event): confirmed, cancelled and promoted from
 * the waitlist, each counted once its transaction committed.
 */
@Component
class BookingMeters {

    private final Counter confirmed;
    private final Counter cancelled;
    private final Counter promoted;

    BookingMeters(MeterRegistry meters) {
        this.confirmed = counter(meters, "confirmed");
        this.cancelled = counter(meters, "cancelled");
        this.promoted = counter(meters, "waitlist_promoted");
    }

    private static Counter counter(MeterRegistry meters, String event) {
        return Counter.builder("wellbase.bookings")
                .tag("event", event)
                .description("Bookings confirmed, cancelled and promoted from the waitlist")
                .register(meters);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(BookingConfirmed event) {
        confirmed.increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(BookingCancelled event) {
        cancelled.increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(WaitlistPromoted event) {
        promoted.increment();
    }
}
