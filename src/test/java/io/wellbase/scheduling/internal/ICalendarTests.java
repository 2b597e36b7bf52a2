package io.wellbase.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ICalendarTests {

    @Test
    void eventsCarryTheirTimeZoneAndTheZoneItsTransitions() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var start = ZonedDateTime.of(2026, 3, 29, 7, 0, 0, 0, berlin);
        String ics = ICalendar.render("Studio", berlin, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"), List.of(new ICalendar.Event("b-1@wellbase", "Yoga; level 1, calm",
                        "Mitte", null, start, start.plusHours(1), false)));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20260329T070000\r\n");
        assertThat(ics).contains("SUMMARY:Yoga\\; level 1\\, calm\r\n");
        assertThat(ics).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n");
        assertThat(ics).contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n");
        assertThat(ics).contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n");
    }

    @Test
    void zonesWithoutTransitionsGetAFixedOffsetAndLongLinesAreFolded() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        var start = ZonedDateTime.of(2026, 6, 1, 18, 0, 0, 0, kolkata);
        String longTitle = "Ä".repeat(60);
        String ics = ICalendar.render("Studio", kolkata, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"), List.of(new ICalendar.Event("x@wellbase", longTitle, null, null,
                        start, start.plusHours(1), true)));
        assertThat(ics).contains("TZOFFSETTO:+0530").contains("STATUS:CANCELLED");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + longTitle);
    }
}
