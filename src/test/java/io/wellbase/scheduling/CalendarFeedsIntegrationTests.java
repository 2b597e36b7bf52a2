package io.wellbase.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds read the way an independent RFC 5545 parser reads them: weekly classes in New York
 * and Sydney, generated with the clock fixed so that the 12-week horizon crosses both zones' changes,
 * fetched through the feed's public URL and compared, event by event, with the sessions and the zone rules.
 */
class CalendarFeedsIntegrationTests extends IntegrationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Test
    void sydneyFallingBackAndNewYorkSpringingForwardAreRightInTheFeed() {
        clock.fixAt(Instant.parse("2027-02-22T12:00:00Z"));
        Map<String, Map<String, String>> events = feedWithSundayClasses("Autumn", "02:30", "02:30");
        // Sydney, 4 April: 03:00 AEDT becomes 02:00 AEST; the class starts at the first 02:30 and ends at the
        // second, both in UTC since readers disagree on which 02:30 a wall time means.
        assertThat(on(events, SYDNEY, "2027-04-04"))
                .containsEntry("DTSTART", "20270403T153000Z")
                .containsEntry("DTEND", "20270403T163000Z");
        assertThat(on(events, SYDNEY, "2027-04-11"))
                .containsEntry("DTSTART;TZID=Australia/Sydney", "20270411T023000")
                .containsEntry("DTEND;TZID=Australia/Sydney", "20270411T033000");
        // New York, 14 March: 02:00 EST becomes 03:00 EDT; a 02:30 class starts once the clocks are at 03:30.
        assertThat(on(events, NEW_YORK, "2027-03-14"))
                .containsEntry("DTSTART;TZID=America/New_York", "20270314T033000")
                .containsEntry("DTEND;TZID=America/New_York", "20270314T043000");
    }

    @Test
    void sydneySpringingForwardAndNewYorkFallingBackAreRightInTheFeed() {
        clock.fixAt(Instant.parse("2027-09-20T12:00:00Z"));
        Map<String, Map<String, String>> events = feedWithSundayClasses("Spring", "02:30", "01:30");
        // Sydney, 3 October: 02:00 AEST becomes 03:00 AEDT.
        assertThat(on(events, SYDNEY, "2027-10-03"))
                .containsEntry("DTSTART;TZID=Australia/Sydney", "20271003T033000")
                .containsEntry("DTEND;TZID=Australia/Sydney", "20271003T043000");
        // New York, 7 November: 02:00 EDT becomes 01:00 EST; 01:30 EDT to 01:30 EST.
        assertThat(on(events, NEW_YORK, "2027-11-07"))
                .containsEntry("DTSTART", "20271107T053000Z")
                .containsEntry("DTEND", "20271107T063000Z");
    }

    /**
     * Weekly Sunday classes taught by the owner in Sydney and New York, from the clock's date; answers the
     * owner's feed's events by UID after checking every event and time zone in it against the sessions.
     */
    private Map<String, Map<String, String>> feedWithSundayClasses(String name, String sydneyTime, String newYorkTime) {
        Owner owner = ownerWithOrganization(name);
        var f = SchedulingFixture.create(api, owner.token());
        Map<UUID, ZoneId> zones = new HashMap<>();
        for (var place : List.of(Map.entry(SYDNEY, sydneyTime), Map.entry(NEW_YORK, newYorkTime))) {
            UUID location = api.post(
                            "/api/v1/locations",
                            Map.of(
                                    "name",
                                    place.getKey().getId(),
                                    "timezone",
                                    place.getKey().getId()),
                            owner.token())
                    .id();
            zones.put(location, place.getKey());
            Api.Response created = api.post(
                    "/api/v1/schedules",
                    Map.of(
                            "classTypeId",
                            f.classTypeId(),
                            "locationId",
                            location,
                            "weekdays",
                            List.of(7),
                            "startTime",
                            place.getValue(),
                            "instructorIds",
                            List.of(owner.userId()),
                            "firstDate",
                            LocalDate.now(clock).toString()),
                    owner.token());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("sessionsUpdated").asInt()).isEqualTo(12);
        }
        Map<String, Instant[]> sessions = new HashMap<>();
        Map<String, ZoneId> sessionZones = new HashMap<>();
        for (var s : api.get("/api/v1/sessions?classTypeId=" + f.classTypeId() + "&page_size=200", owner.token())
                .json()
                .path("data")) {
            String uid = "session-" + s.path("id").asString() + "@wellbase";
            sessions.put(uid, new Instant[] {
                OffsetDateTime.parse(s.path("startsAt").asString()).toInstant(),
                OffsetDateTime.parse(s.path("endsAt").asString()).toInstant()
            });
            sessionZones.put(uid, zones.get(UUID.fromString(s.path("locationId").asString())));
        }
        assertThat(sessions).hasSize(24);

        Api.Response feed = api.post("/api/v1/calendar-feeds", Map.of(), owner.token());
        Api.Response ics = api.get(feed.field("url").replaceFirst("^https?://[^/]+", ""), null);
        assertThat(ics.status()).isEqualTo(200);
        String text = ics.text();
        assertThat(text).doesNotContain("X-WR-TIMEZONE");
        List<Map<String, String>> components = components(text);
        Map<String, List<Map<String, String>>> timezones = new HashMap<>();
        Map<String, Map<String, String>> events = new LinkedHashMap<>();
        for (int i = 0; i < components.size(); i++) {
            Map<String, String> c = components.get(i);
            if (c.get("BEGIN").equals("VTIMEZONE")) {
                List<Map<String, String>> observances = new ArrayList<>();
                while (i + 1 < components.size()
                        && !components.get(i + 1).get("BEGIN").startsWith("V")) {
                    observances.add(components.get(++i));
                }
                assertThat(timezones.put(c.get("TZID"), observances))
                        .as("one VTIMEZONE per zone")
                        .isNull();
            } else if (c.get("BEGIN").equals("VEVENT")) {
                events.put(c.get("UID"), c);
            }
        }
        assertThat(timezones.keySet()).containsExactlyInAnyOrder(NEW_YORK.getId(), SYDNEY.getId());
        timezones.forEach((id, observances) -> assertObservancesAreTheZoneRules(ZoneId.of(id), observances));
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(sessions.keySet());
        events.forEach((uid, e) -> {
            ZoneId zone = sessionZones.get(uid);
            assertThat(e.get("LOCATION")).isEqualTo(zone.getId());
            Instant start = read(e, "DTSTART", zone);
            Instant end = read(e, "DTEND", zone);
            assertThat(start).as(uid).isEqualTo(sessions.get(uid)[0]);
            assertThat(end).as(uid).isEqualTo(sessions.get(uid)[1]);
            assertThat(Duration.between(start, end)).as(uid).isEqualTo(Duration.ofMinutes(60));
            for (Instant at : List.of(start, end)) {
                assertThat(offsetAt(observances(timezones, zone), at))
                        .as(uid + " at " + at)
                        .isEqualTo(zone.getRules().getOffset(at));
            }
        });
        return events;
    }

    /** Each observance is a real transition of the zone, in order, and the first is in force before the feed's window. */
    private void assertObservancesAreTheZoneRules(ZoneId zone, List<Map<String, String>> observances) {
        ZoneRules rules = zone.getRules();
        Instant previous = null;
        for (Map<String, String> o : observances) {
            ZoneOffset from = ZoneOffset.of(o.get("TZOFFSETFROM"));
            ZoneOffset to = ZoneOffset.of(o.get("TZOFFSETTO"));
            Instant onset = LocalDateTime.parse(o.get("DTSTART"), LOCAL).toInstant(from);
            assertThat(rules.getOffset(onset.minusSeconds(1)))
                    .as(zone + " before " + onset)
                    .isEqualTo(from);
            assertThat(rules.getOffset(onset)).as(zone + " from " + onset).isEqualTo(to);
            assertThat(o.get("BEGIN")).isEqualTo(rules.isDaylightSavings(onset) ? "DAYLIGHT" : "STANDARD");
            assertThat(previous == null
                            || rules.nextTransition(previous).getInstant().equals(onset))
                    .as(zone + " leaves no transition out before " + onset)
                    .isTrue();
            previous = onset;
        }
        assertThat(observances).isNotEmpty();
        assertThat(LocalDateTime.parse(observances.getFirst().get("DTSTART"), LOCAL)
                        .toInstant(ZoneOffset.of(observances.getFirst().get("TZOFFSETFROM"))))
                .isBefore(clock.instant().minus(Duration.ofDays(30)));
    }

    private static List<Map<String, String>> observances(
            Map<String, List<Map<String, String>>> timezones, ZoneId zone) {
        return timezones.get(zone.getId());
    }

    /** The offset a reader takes from a VTIMEZONE at an instant: that of the last observance begun by then. */
    private static ZoneOffset offsetAt(List<Map<String, String>> observances, Instant at) {
        ZoneOffset offset = null;
        for (Map<String, String> o : observances) {
            Instant onset =
                    LocalDateTime.parse(o.get("DTSTART"), LOCAL).toInstant(ZoneOffset.of(o.get("TZOFFSETFROM")));
            if (!onset.isAfter(at)) {
                offset = ZoneOffset.of(o.get("TZOFFSETTO"));
            }
        }
        return offset;
    }

    /**
     * A DATE-TIME in the event's zone: a wall time with its TZID that names one instant, or UTC for a time
     * in the repeated hour (whose wall time readers resolve differently), and nothing else.
     */
    private static Instant read(Map<String, String> event, String property, ZoneId zone) {
        String utc = event.get(property);
        if (utc != null) {
            assertThat(utc).endsWith("Z");
            Instant at = LocalDateTime.parse(utc.substring(0, 15), LOCAL).toInstant(ZoneOffset.UTC);
            assertThat(zone.getRules().getValidOffsets(LocalDateTime.ofInstant(at, zone)))
                    .as(property + " in UTC only in the repeated hour: " + event)
                    .hasSize(2);
            return at;
        }
        String wall = event.get(property + ";TZID=" + zone.getId());
        assertThat(wall).as(property + " in " + zone + ": " + event).isNotNull();
        LocalDateTime local = LocalDateTime.parse(wall, LOCAL);
        assertThat(zone.getRules().getValidOffsets(local))
                .as(property + " names one instant")
                .hasSize(1);
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** The event at a location (named after its zone) on a local date. */
    private static Map<String, String> on(Map<String, Map<String, String>> events, ZoneId zone, String date) {
        return events.values().stream()
                .filter(e -> zone.getId().equals(e.get("LOCATION"))
                        && read(e, "DTSTART", zone)
                                .atZone(zone)
                                .toLocalDate()
                                .toString()
                                .equals(date))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event on " + date + " in " + zone));
    }

    /** Unfolds the lines and answers each component's properties (name with parameters, then value), flat. */
    private static List<Map<String, String>> components(String text) {
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        List<Map<String, String>> components = new ArrayList<>();
        Map<String, String> current = null;
        for (String folded : text.split("\r\n")) {
            assertThat(folded.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(75);
        }
        for (String line : text.replace("\r\n ", "").split("\r\n")) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (name.equals("BEGIN") && !value.equals("VCALENDAR")) {
                current = new LinkedHashMap<>();
                components.add(current);
            }
            if (current != null && !name.equals("END")) {
                current.put(name, value);
            }
        }
        return components;
    }
}
