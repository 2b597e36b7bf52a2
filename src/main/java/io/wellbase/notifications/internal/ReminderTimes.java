package io.wellbase.notifications.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * When a reminder is due: the start's wall-clock time in the location's zone, minus the offset, read
 * on the same wall clock (a "24 hours before" reminder of a 09:00 class is at 09:00 the day before,
 * also across a daylight-saving change). Where that wall-clock time happens twice (the clock goes
 * back), the first; where it never happens (the clock jumps forward over it), the moment as far
 * before the jump's end as the time was: never late, never twice.
 */
final class ReminderTimes {

    private ReminderTimes() {}

    static Instant dueAt(Instant startsAt, ZoneId zone, int offsetMinutes) {
        ZoneRules rules = zone.getRules();
        LocalDateTime intended = LocalDateTime.ofInstant(startsAt, zone).minusMinutes(offsetMinutes);
        List<ZoneOffset> offsets = rules.getValidOffsets(intended);
        if (offsets.isEmpty()) {
            return intended.toInstant(rules.getTransition(intended).getOffsetAfter());
        }
        // in an overlap the offset before the change comes first, and gives the earlier instant
        return intended.toInstant(offsets.getFirst());
    }
}
