package io.wellbase.scheduling.internal.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The free-slot arithmetic of availability, kept pure so its edge cases are tested directly: a slot
 * fits when the appointment with its buffers lies inside working hours and touches no busy interval
 * (appointments with their buffers, classes taught, time off). Working hours are local to the
 * location, so a shift may cross midnight and daylight-saving changes are honoured.
 */
final class SlotFinder {

    private SlotFinder() {}

    /** A half-open interval of instants. */
    record Interval(Instant from, Instant to) {

        boolean overlaps(Instant a, Instant b) {
            return from.isBefore(b) && a.isBefore(to);
        }
    }

    /**
     * Local working hours on one weekday, or on one date when {@code date} is set (a one-off
     * exception); an end before the start means the shift ends the next day.
     */
    record Shift(int weekday, LocalDate date, LocalTime start, LocalTime end) {

        Shift(int weekday, LocalTime start, LocalTime end) {
            this(weekday, null, start, end);
        }

        boolean appliesTo(LocalDate day) {
            return date != null
                    ? date.equals(day)
                    : weekday == day.getDayOfWeek().getValue();
        }
    }

    static List<Instant> slots(
            List<Shift> shifts,
            ZoneId zone,
            LocalDate fromDay,
            LocalDate toDay,
            List<Interval> busy,
            Duration duration,
            Duration bufferBefore,
            Duration bufferAfter,
            Duration step,
            Instant earliest,
            Instant latest) {
        List<Instant> slots = new ArrayList<>();
        for (LocalDate day = fromDay.minusDays(1); !day.isAfter(toDay); day = day.plusDays(1)) {
            for (Shift shift : shifts) {
                if (!shift.appliesTo(day)) {
                    continue;
                }
                Instant open = ZonedDateTime.ofLocal(day.atTime(shift.start()), zone, null)
                        .toInstant();
                LocalDate endDay = shift.end().isAfter(shift.start()) ? day : day.plusDays(1);
                Instant close = ZonedDateTime.ofLocal(endDay.atTime(shift.end()), zone, null)
                        .toInstant();
                for (Instant start = open.plus(bufferBefore); ; start = start.plus(step)) {
                    Instant blockedFrom = start.minus(bufferBefore);
                    Instant end = start.plus(duration);
                    Instant blockedTo = end.plus(bufferAfter);
                    if (blockedTo.isAfter(close)) {
                        break;
                    }
                    if (start.isBefore(earliest) || start.isAfter(latest)) {
                        continue;
                    }
                    LocalDate startDay = start.atZone(zone).toLocalDate();
                    if (startDay.isBefore(fromDay) || startDay.isAfter(toDay)) {
                        continue;
                    }
                    Instant bf = blockedFrom;
                    Instant bt = blockedTo;
                    if (busy.stream().noneMatch(i -> i.overlaps(bf, bt))) {
                        slots.add(start);
                    }
                }
            }
        }
        return slots.stream().distinct().sorted().toList();
    }
}
