package io.wellbase.scheduling.internal.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotFinderTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant PAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN)
                .toInstant();
    }

    private static List<String> localTimes(List<Instant> slots) {
        return slots.stream()
                .map(i -> i.atZone(BERLIN).toLocalDateTime().toString())
                .toList();
    }

    private static List<Instant> find(
            List<SlotFinder.Shift> shifts,
            String day,
            List<SlotFinder.Interval> busy,
            int minutes,
            int before,
            int after) {
        LocalDate d = LocalDate.parse(day);
        return SlotFinder.slots(
                shifts,
                BERLIN,
                d,
                d,
                busy,
                Duration.ofMinutes(minutes),
                Duration.ofMinutes(before),
                Duration.ofMinutes(after),
                Duration.ofMinutes(15),
                PAST,
                FUTURE);
    }

    @Test
    void buffersMustFitInsideWorkingHours() {
        // Monday 09:00-11:00, 60 minute service with 15 minutes before and after
        var slots = find(
                List.of(new SlotFinder.Shift(1, LocalTime.of(9, 0), LocalTime.of(11, 0))),
                "2026-06-01",
                List.of(),
                60,
                15,
                15);
        assertThat(localTimes(slots)).containsExactly("2026-06-01T09:15", "2026-06-01T09:30", "2026-06-01T09:45");
    }

    @Test
    void appointmentsAndTheirBuffersBlock() {
        var busy = List.of(new SlotFinder.Interval(at("2026-06-01T10:00"), at("2026-06-01T11:00")));
        var slots = find(
                List.of(new SlotFinder.Shift(1, LocalTime.of(9, 0), LocalTime.of(12, 0))),
                "2026-06-01",
                busy,
                30,
                0,
                15);
        // 11:30 would end at 12:00 but its buffer runs to 12:15, past the end of the shift
        assertThat(localTimes(slots))
                .containsExactly("2026-06-01T09:00", "2026-06-01T09:15", "2026-06-01T11:00", "2026-06-01T11:15");
    }

    @Test
    void timeOffSpanningDaysBlocksEveryDayItCovers() {
        var shifts = List.of(
                new SlotFinder.Shift(1, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                new SlotFinder.Shift(2, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                new SlotFinder.Shift(3, LocalTime.of(9, 0), LocalTime.of(10, 0)));
        var timeOff = List.of(new SlotFinder.Interval(at("2026-06-01T12:00"), at("2026-06-03T09:30")));
        var slots = SlotFinder.slots(
                shifts,
                BERLIN,
                LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-03"),
                timeOff,
                Duration.ofMinutes(30),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofMinutes(15),
                PAST,
                FUTURE);
        assertThat(localTimes(slots))
                .containsExactly("2026-06-01T09:00", "2026-06-01T09:15", "2026-06-01T09:30", "2026-06-03T09:30");
    }

    @Test
    void aShiftAcrossMidnightOffersSlotsOnBothDates() {
        var shifts = List.of(new SlotFinder.Shift(5, LocalTime.of(23, 0), LocalTime.of(1, 0)));
        var slots = SlotFinder.slots(
                shifts,
                BERLIN,
                LocalDate.parse("2026-06-05"),
                LocalDate.parse("2026-06-06"),
                List.of(),
                Duration.ofMinutes(60),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofMinutes(30),
                PAST,
                FUTURE);
        assertThat(localTimes(slots)).containsExactly("2026-06-05T23:00", "2026-06-05T23:30", "2026-06-06T00:00");
    }

    @Test
    void daylightSavingNightKeepsWallClockHours() {
        var shifts = List.of(new SlotFinder.Shift(7, LocalTime.of(1, 0), LocalTime.of(4, 0)));
        var slots = find(shifts, "2026-03-29", List.of(), 60, 0, 0);
        // 01:00-04:00 local on the spring-forward night is only two real hours long
        assertThat(localTimes(slots))
                .containsExactly(
                        "2026-03-29T01:00",
                        "2026-03-29T01:15",
                        "2026-03-29T01:30",
                        "2026-03-29T01:45",
                        "2026-03-29T03:00");
    }

    @Test
    void noticeAndWindowCutTheRange() {
        var shifts = List.of(new SlotFinder.Shift(1, LocalTime.of(9, 0), LocalTime.of(11, 0)));
        var slots = SlotFinder.slots(
                shifts,
                BERLIN,
                LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-01"),
                List.of(),
                Duration.ofMinutes(30),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofMinutes(30),
                at("2026-06-01T09:40"),
                at("2026-06-01T10:00"));
        assertThat(localTimes(slots)).containsExactly("2026-06-01T10:00");
    }

    @Test
    void oneOffExtraHoursApplyOnlyOnTheirDate() {
        var extra = new SlotFinder.Shift(0, LocalDate.parse("2026-06-06"), LocalTime.of(10, 0), LocalTime.of(11, 0));
        var slots = SlotFinder.slots(
                List.of(extra),
                BERLIN,
                LocalDate.parse("2026-05-30"),
                LocalDate.parse("2026-06-13"),
                List.of(),
                Duration.ofMinutes(60),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofMinutes(15),
                PAST,
                FUTURE);
        assertThat(localTimes(slots)).containsExactly("2026-06-06T10:00");
    }
}
