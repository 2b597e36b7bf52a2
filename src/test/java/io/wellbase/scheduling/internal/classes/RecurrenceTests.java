package io.wellbase.scheduling.internal.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecurrenceTests {

    private static List<Recurrence.Occurrence> weekly(DayOfWeek day, String time, String zone, String from, String to) {
        return Recurrence.expand(
                Set.of(day),
                LocalTime.parse(time),
                60,
                ZoneId.of(zone),
                LocalDate.parse(from),
                null,
                LocalDate.parse(from),
                LocalDate.parse(to));
    }

    @Test
    void berlinKeepsTheWallClockAcrossBothChanges() {
        var sundays = weekly(DayOfWeek.SUNDAY, "07:00", "Europe/Berlin", "2026-03-22", "2026-04-05");
        assertThat(sundays)
                .extracting(o -> o.startsAt().toString())
                .containsExactly("2026-03-22T07:00+01:00", "2026-03-29T07:00+02:00", "2026-04-05T07:00+02:00");
        var autumn = weekly(DayOfWeek.SUNDAY, "09:30", "Europe/Berlin", "2026-10-18", "2026-11-01");
        assertThat(autumn)
                .extracting(o -> o.startsAt().toString())
                .containsExactly("2026-10-18T09:30+02:00", "2026-10-25T09:30+01:00", "2026-11-01T09:30+01:00");
    }

    @Test
    void newYorkChangesOnItsOwnDates() {
        var saturdays = weekly(DayOfWeek.SUNDAY, "18:00", "America/New_York", "2026-03-01", "2026-03-15");
        assertThat(saturdays)
                .extracting(o -> o.startsAt().toString())
                .containsExactly("2026-03-01T18:00-05:00", "2026-03-08T18:00-04:00", "2026-03-15T18:00-04:00");
    }

    @Test
    void halfHourOffsetZone() {
        var adelaide = weekly(DayOfWeek.SUNDAY, "08:00", "Australia/Adelaide", "2026-03-29", "2026-04-12");
        assertThat(adelaide)
                .extracting(o -> o.startsAt().toString())
                .containsExactly("2026-03-29T08:00+10:30", "2026-04-05T08:00+09:30", "2026-04-12T08:00+09:30");
    }

    @Test
    void aTimeInTheSpringGapMovesForwardAndTheAutumnOverlapTakesTheEarlierInstant() {
        var gap = weekly(DayOfWeek.SUNDAY, "02:30", "Europe/Berlin", "2026-03-29", "2026-03-29");
        assertThat(gap.getFirst().startsAt().toString()).isEqualTo("2026-03-29T03:30+02:00");
        var overlap = weekly(DayOfWeek.SUNDAY, "02:30", "Europe/Berlin", "2026-10-25", "2026-10-25");
        assertThat(overlap.getFirst().startsAt().toString()).isEqualTo("2026-10-25T02:30+02:00");
        assertThat(Duration.between(
                        overlap.getFirst().startsAt(), overlap.getFirst().endsAt()))
                .hasMinutes(60);
    }

    @Test
    void respectsWeekdaysAndBounds() {
        var mwf = Recurrence.expand(
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                LocalTime.of(12, 0),
                45,
                ZoneId.of("UTC"),
                LocalDate.parse("2026-06-03"),
                LocalDate.parse("2026-06-12"),
                LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-30"));
        assertThat(mwf)
                .extracting(o -> o.localDate().toString())
                .containsExactly("2026-06-03", "2026-06-05", "2026-06-08", "2026-06-10", "2026-06-12");
        assertThat(Recurrence.expand(
                        Set.of(DayOfWeek.MONDAY),
                        LocalTime.NOON,
                        60,
                        ZoneId.of("UTC"),
                        LocalDate.parse("2026-06-01"),
                        null,
                        LocalDate.parse("2026-06-02"),
                        LocalDate.parse("2026-06-07")))
                .isEmpty();
    }

    @Test
    void leapDay() {
        var leap = weekly(DayOfWeek.TUESDAY, "10:00", "Europe/Berlin", "2028-02-29", "2028-02-29");
        assertThat(leap).hasSize(1);
    }
}
