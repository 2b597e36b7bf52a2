package io.wellbase.notifications.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A person's quiet hours in their own time zone, e.g. 22:00 to 07:00. A message due inside the window
 * waits for its end; none is dropped.
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** {@code at} itself outside the window, else the window's end. */
    Instant deferred(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean inside =
                overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!inside) {
            return at;
        }
        LocalDateTime endDay = (overnight && !time.isBefore(start))
                ? local.toLocalDate().plusDays(1).atTime(end)
                : local.toLocalDate().atTime(end);
        return ZonedDateTime.ofLocal(endDay, zone, null).toInstant();
    }
}
