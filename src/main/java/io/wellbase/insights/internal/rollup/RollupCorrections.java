package io.wellbase.insights.internal.rollup;

import io.wellbase.scheduling.SchedulingEvents;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the rolled-up days true as the events that already exist arrive: a check-in, a walk-in, a cancelled booking
 * or a cancelled session on a day already rolled up counts that day again (days not yet closed are read from the
 * rows, so nothing is done for them). Events that carry the session's start are filtered before they are stored:
 * a booking for a class next week costs the booking path nothing here.
 */
@Component
class RollupCorrections {

    /** A session that started less than this long ago cannot be on a closed day in any time zone. */
    private static final long OPEN_HOURS = 12;

    private final Rollups rollups;

    RollupCorrections(Rollups rollups) {
        this.rollups = rollups;
    }

    /** Whether a session starting then may lie on a rolled-up day (a closed day is at least a day old). */
    public static boolean mayBeRolledUp(@Nullable OffsetDateTime startsAt) {
        return startsAt == null || startsAt.isBefore(OffsetDateTime.now().minusHours(OPEN_HOURS));
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.ClientCheckedIn event) {
        recount(event.organizationId(), event.sessionId());
    }

    @ApplicationModuleListener(
            condition = "T(io.wellbase.insights.internal.rollup.RollupCorrections).mayBeRolledUp(#event.startsAt())")
    void on(SchedulingEvents.BookingConfirmed event) {
        recount(event.organizationId(), event.sessionId());
    }

    @ApplicationModuleListener(
            condition = "T(io.wellbase.insights.internal.rollup.RollupCorrections).mayBeRolledUp(#event.startsAt())")
    void on(SchedulingEvents.BookingCancelled event) {
        recount(event.organizationId(), event.sessionId());
    }

    @ApplicationModuleListener(
            condition = "T(io.wellbase.insights.internal.rollup.RollupCorrections).mayBeRolledUp(#event.startsAt())")
    void on(SchedulingEvents.SessionCancelled event) {
        recount(event.organizationId(), event.sessionId());
    }

    private void recount(UUID org, UUID session) {
        rollups.recountDayOf(org, session);
    }
}
