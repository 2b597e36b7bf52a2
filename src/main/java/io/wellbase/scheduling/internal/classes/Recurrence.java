package io.wellbase.scheduling.internal.classes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expands a weekly rule into occurrences. Times are local to the location: a 07:00 class stays at
 * 07:00 on the wall clock across daylight-saving changes. A local time that does not exist (the
 * spring-forward gap) moves forward by the gap's length; an ambiguous one (the autumn overlap) takes
 * the earlier of the two instants.
 */
public final class Recurrence {

    private Recurrence() {}

    /** One occurrence: its local date and its instants. */
    public record Occurrence(LocalDate localDate, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    public static List<Occurrence> expand(
            Set<DayOfWeek> weekdays,
            LocalTime start,
            int durationMinutes,
            ZoneId zone,
            LocalDate firstDate,
            LocalDate lastDate,
            LocalDate from,
            LocalDate to) {
        LocalDate begin = from.isAfter(firstDate) ? from : firstDate;
        LocalDate end = lastDate != null && lastDate.isBefore(to) ? lastDate : to;
        List<Occurrence> occurrences = new ArrayList<>();
        for (LocalDate day = begin; !day.isAfter(end); day = day.plusDays(1)) {
            if (weekdays.contains(day.getDayOfWeek())) {
                ZonedDateTime startsAt = ZonedDateTime.ofLocal(day.atTime(start), zone, null);
                occurrences.add(new Occurrence(
                        day,
                        startsAt.toOffsetDateTime(),
                        startsAt.plusMinutes(durationMinutes).toOffsetDateTime()));
            }
        }
        return occurrences;
    }
}
