package io.wellbase.scheduling.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ICalendarTests {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant FROM = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-12-31T00:00:00Z");
    private static final Instant STAMP = Instant.parse("2027-01-15T10:00:00Z");

    private static ICalendar.Event event(String uid, ZonedDateTime start, Duration length) {
        return new ICalendar.Event(
                uid, "Yoga", null, null, start.toInstant(), start.toInstant().plus(length), start.getZone(), false);
    }

    private static String render(ICalendar.Event... events) {
        return ICalendar.render("Studio", FROM, TO, STAMP, List.of(events));
    }

    @Test
    void eventsCarryTheirTimeZoneAndTheZoneItsTransitions() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var start = ZonedDateTime.of(2026, 3, 29, 7, 0, 0, 0, berlin);
        String ics = ICalendar.render(
                "Studio",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"),
                STAMP,
                List.of(new ICalendar.Event(
                        "b-1@wellbase",
                        "Yoga; level 1, calm",
                        "Mitte",
                        null,
                        start.toInstant(),
                        start.plusHours(1).toInstant(),
                        berlin,
                        false)));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("X-WR-TIMEZONE:Europe/Berlin\r\n").contains("DTSTAMP:20270115T100000Z\r\n");
        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20260329T070000\r\n");
        assertThat(ics).contains("SUMMARY:Yoga\\; level 1\\, calm\r\n");
        assertThat(ics).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n");
        assertThat(ics)
                .contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n");
        assertThat(ics)
                .contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n");
    }

    @Test
    void eachEventKeepsItsOwnZoneAndEachZoneUsedIsDefinedOnce() {
        String ics = render(
                event("ny-1", ZonedDateTime.of(2027, 3, 8, 7, 0, 0, 0, NEW_YORK), Duration.ofHours(1)),
                event("syd-1", ZonedDateTime.of(2027, 3, 8, 7, 0, 0, 0, SYDNEY), Duration.ofHours(1)),
                event("ny-2", ZonedDateTime.of(2027, 3, 15, 7, 0, 0, 0, NEW_YORK), Duration.ofHours(1)));
        assertThat(ics)
                .contains(
                        "DTSTART;TZID=America/New_York:20270308T070000\r\nDTEND;TZID=America/New_York:20270308T080000\r\n");
        assertThat(ics)
                .contains(
                        "DTSTART;TZID=Australia/Sydney:20270308T070000\r\nDTEND;TZID=Australia/Sydney:20270308T080000\r\n");
        assertThat(ics).contains("DTSTART;TZID=America/New_York:20270315T070000\r\n");
        assertThat(ics.split("BEGIN:VTIMEZONE", -1)).hasSize(3);
        assertThat(ics).contains("TZID:America/New_York\r\n").contains("TZID:Australia/Sydney\r\n");
        assertThat(ics).doesNotContain("X-WR-TIMEZONE");
        assertThat(ics)
                .contains("BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n");
        assertThat(ics)
                .contains("BEGIN:STANDARD\r\nDTSTART:20270404T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\n");
        assertThat(ics)
                .contains("BEGIN:DAYLIGHT\r\nDTSTART:20271003T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100\r\n");
    }

    @Test
    void anEmptyFeedHasNoTimeZones() {
        String ics = render();
        assertThat(ics)
                .doesNotContain("VTIMEZONE")
                .doesNotContain("X-WR-TIMEZONE")
                .doesNotContain("VEVENT");
    }

    @Test
    void aClassInTheRepeatedHourEndsAnHourLaterNotWhenItStarts() {
        // Sydney, 4 April 2027: 03:00 AEDT becomes 02:00 AEST, so 02:30 happens at 15:30Z and again at 16:30Z.
        var first = ZonedDateTime.ofLocal(LocalDateTime.of(2027, 4, 4, 2, 30), SYDNEY, null);
        var second = first.withLaterOffsetAtOverlap();
        assertThat(first.toInstant()).isEqualTo(Instant.parse("2027-04-03T15:30:00Z"));
        String ics = render(
                event("first", first, Duration.ofHours(1)),
                event("second", second, Duration.ofHours(1)),
                event("before", first.minusHours(1), Duration.ofMinutes(90)));
        assertThat(ics)
                .contains("UID:first\r\nDTSTAMP:20270115T100000Z\r\n"
                        + "DTSTART:20270403T153000Z\r\nDTEND:20270403T163000Z\r\n");
        assertThat(ics)
                .contains("UID:second\r\nDTSTAMP:20270115T100000Z\r\n"
                        + "DTSTART:20270403T163000Z\r\nDTEND;TZID=Australia/Sydney:20270404T033000\r\n");
        assertThat(ics)
                .contains("UID:before\r\nDTSTAMP:20270115T100000Z\r\n"
                        + "DTSTART;TZID=Australia/Sydney:20270404T013000\r\nDTEND:20270403T160000Z\r\n");
    }

    @Test
    void aClassInTheSpringForwardGapStartsAfterItAndKeepsItsLength() {
        // Sydney, 3 October 2027: 02:00 AEST becomes 03:00 AEDT; New York, 14 March 2027: 02:00 EST becomes 03:00 EDT.
        String ics = render(
                event("gap", ZonedDateTime.of(2027, 10, 3, 2, 30, 0, 0, SYDNEY), Duration.ofHours(1)),
                event("across", ZonedDateTime.of(2027, 10, 3, 1, 30, 0, 0, SYDNEY), Duration.ofHours(1)),
                event("ny-gap", ZonedDateTime.of(2027, 3, 14, 2, 30, 0, 0, NEW_YORK), Duration.ofMinutes(45)));
        assertThat(ics)
                .contains(
                        "DTSTART;TZID=Australia/Sydney:20271003T033000\r\nDTEND;TZID=Australia/Sydney:20271003T043000\r\n");
        assertThat(ics)
                .contains(
                        "DTSTART;TZID=Australia/Sydney:20271003T013000\r\nDTEND;TZID=Australia/Sydney:20271003T033000\r\n");
        assertThat(ics)
                .contains(
                        "DTSTART;TZID=America/New_York:20270314T033000\r\nDTEND;TZID=America/New_York:20270314T041500\r\n");
    }

    @Test
    void everyInstantAroundEveryChangeReadsBackAsItself() {
        for (ZoneId zone : List.of(SYDNEY, NEW_YORK, ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"))) {
            ZoneOffsetTransition t = zone.getRules().nextTransition(FROM);
            while (t.getInstant().isBefore(TO)) {
                for (Instant at = t.getInstant().minus(Duration.ofHours(3));
                        at.isBefore(t.getInstant().plus(Duration.ofHours(3)));
                        at = at.plus(Duration.ofMinutes(15))) {
                    assertThat(readBack(ICalendar.dateTime("DTSTART", at, zone)))
                            .as(zone + " " + at)
                            .isEqualTo(at);
                }
                t = zone.getRules().nextTransition(t.getInstant());
            }
        }
    }

    /** A DATE-TIME as every reader takes it: UTC as is, a TZID's wall time at its only offset. */
    static Instant readBack(String property) {
        String value = property.substring(property.indexOf(':') + 1);
        if (value.endsWith("Z")) {
            return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(java.time.ZoneOffset.UTC)
                    .parse(value, Instant::from);
        }
        ZoneId zone = ZoneId.of(property.substring(property.indexOf("TZID=") + 5, property.indexOf(':')));
        var wall = LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        assertThat(zone.getRules().getValidOffsets(wall))
                .as(property + " names one instant")
                .hasSize(1);
        return ZonedDateTime.ofLocal(wall, zone, null).toInstant();
    }

    @Test
    void zonesWithoutTransitionsGetAFixedOffsetAndLongLinesAreFolded() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        var start = ZonedDateTime.of(2026, 6, 1, 18, 0, 0, 0, kolkata);
        String longTitle = "Ä".repeat(60);
        String ics = ICalendar.render(
                "Studio",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"),
                STAMP,
                List.of(new ICalendar.Event(
                        "x@wellbase",
                        longTitle,
                        null,
                        null,
                        start.toInstant(),
                        start.plusHours(1).toInstant(),
                        kolkata,
                        true)));
        assertThat(ics).contains("TZOFFSETTO:+0530").contains("STATUS:CANCELLED");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + longTitle);
    }

    @Test
    void linesFoldAfter75OctetsWithoutSplittingACharacter() {
        String exactly75 = "x".repeat(75 - "SUMMARY:".length());
        assertThat(lines(exactly75)).containsExactly("SUMMARY:" + exactly75);
        String seventySix = exactly75 + "y";
        assertThat(lines(seventySix)).containsExactly("SUMMARY:" + exactly75, " y");
        String umlautOnTheEdge = "x".repeat(74 - "SUMMARY:".length()) + "Ä";
        assertThat(lines(umlautOnTheEdge)).containsExactly("SUMMARY:" + "x".repeat(66), " Ä");
        String long200 = "z".repeat(200);
        List<String> folded = lines(long200);
        assertThat(folded)
                .allSatisfy(l ->
                        assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(folded.getFirst()).hasSize(75);
        assertThat(folded.subList(1, folded.size()))
                .allSatisfy(l -> assertThat(l).startsWith(" "));
        assertThat(folded.subList(1, folded.size() - 1))
                .allSatisfy(l -> assertThat(l).hasSize(75));
        assertThat(String.join("\r\n", folded).replace("\r\n ", "")).isEqualTo("SUMMARY:" + long200);
    }

    private static List<String> lines(String summary) {
        String ics = render(
                new ICalendar.Event("u", summary, null, null, FROM, FROM.plusSeconds(3600), ZoneId.of("UTC"), false));
        List<String> all = List.of(ics.split("\r\n"));
        int at = all.indexOf(
                all.stream().filter(l -> l.startsWith("SUMMARY:")).findFirst().orElseThrow());
        int end = at + 1;
        while (all.get(end).startsWith(" ")) {
            end++;
        }
        return all.subList(at, end);
    }

    @Test
    void textIsEscapedAndCannotBreakOutOfItsLine() {
        assertThat(ICalendar.escape("a,b;c\\d\ne\r\nf\rg\u0007h\ti")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf\\ngh\ti");
        String ics = ICalendar.render(
                "Studio",
                FROM,
                TO,
                STAMP,
                List.of(new ICalendar.Event(
                        "u",
                        "Yoga\r\nEND:VEVENT",
                        "Room 1, back; left \\ stairs\nup",
                        "Line one\nline two",
                        FROM,
                        FROM.plusSeconds(3600),
                        SYDNEY,
                        false)));
        assertThat(ics)
                .contains("SUMMARY:Yoga\\nEND:VEVENT\r\n")
                .contains("LOCATION:Room 1\\, back\\; left \\\\ stairs\\nup\r\n")
                .contains("DESCRIPTION:Line one\\nline two\r\n");
        assertThat(ics.split("\r\nEND:VEVENT\r\n", -1)).hasSize(2);
    }
}
