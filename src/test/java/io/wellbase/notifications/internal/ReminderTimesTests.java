package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reminder times over every daylight-saving transition of 2026–2028 in 60 zones (30- and 45-minute
 * offsets, the southern hemisphere, Lord Howe's half-hour shift): each reminder is before its class, at
 * the intended wall-clock time where that time exists (the first of two where it happens twice), and as
 * far before the jump's end as intended where the clock skips it. Checked against the zone's own
 * transition table, not against the code under test.
 */
class ReminderTimesTests {

    static final List<String> ZONES = List.of(
            "Europe/Berlin",
            "Europe/London",
            "Europe/Dublin",
            "Europe/Lisbon",
            "Europe/Madrid",
            "Europe/Paris",
            "Europe/Athens",
            "Europe/Helsinki",
            "Europe/Kyiv",
            "Europe/Chisinau",
            "Europe/Moscow",
            "Atlantic/Azores",
            "Atlantic/Canary",
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Anchorage",
            "America/Halifax",
            "America/St_Johns",
            "America/Havana",
            "America/Mexico_City",
            "America/Santiago",
            "America/Asuncion",
            "America/Sao_Paulo",
            "America/Godthab",
            "America/Scoresbysund",
            "America/Miquelon",
            "Pacific/Honolulu",
            "Pacific/Auckland",
            "Pacific/Chatham",
            "Pacific/Easter",
            "Pacific/Norfolk",
            "Australia/Sydney",
            "Australia/Melbourne",
            "Australia/Hobart",
            "Australia/Adelaide",
            "Australia/Brisbane",
            "Australia/Lord_Howe",
            "Australia/Perth",
            "Australia/Eucla",
            "Asia/Tehran",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Asia/Jerusalem",
            "Asia/Gaza",
            "Asia/Beirut",
            "Asia/Damascus",
            "Asia/Amman",
            "Asia/Tokyo",
            "Asia/Singapore",
            "Africa/Cairo",
            "Africa/Casablanca",
            "Africa/Johannesburg",
            "Antarctica/Troll",
            "America/Caracas",
            "Asia/Colombo",
            "America/Bahia_Banderas",
            "UTC");

    static final int[] OFFSETS = {15, 30, 60, 90, 120, 180, 1440, 2880};
    static final long[] STARTS_AROUND_MINUTES = {
        -1500, -1440, -180, -120, -90, -60, -45, -30, -15, 0, 15, 30, 45, 60, 90, 120, 180, 1440, 1500
    };

    @Test
    void everyReminderIsAtItsIntendedWallClockTimeAcrossEveryTransition() {
        int transitions = 0;
        int checked = 0;
        Set<String> kinds = new HashSet<>();
        for (String id : ZONES) {
            ZoneId zone = ZoneId.of(id);
            ZoneRules rules = zone.getRules();
            for (ZoneOffsetTransition t : transitionsIn(rules, 2026, 2028)) {
                transitions++;
                for (long around : STARTS_AROUND_MINUTES) {
                    Instant start = t.getInstant().plus(Duration.ofMinutes(around));
                    for (int offset : OFFSETS) {
                        Instant due = ReminderTimes.dueAt(start, zone, offset);
                        LocalDateTime intended =
                                LocalDateTime.ofInstant(start, zone).minusMinutes(offset);
                        kinds.add(check(rules, start, intended, due));
                        checked++;
                    }
                }
            }
        }
        assertThat(ZONES).hasSizeGreaterThanOrEqualTo(50);
        assertThat(transitions).isGreaterThan(150);
        assertThat(checked).isGreaterThan(20_000);
        assertThat(kinds).containsExactlyInAnyOrder("once", "twice", "skipped");
    }

    /** Asserts the rules for one reminder; answers which kind of wall-clock time it met. */
    private static String check(ZoneRules rules, Instant start, LocalDateTime intended, Instant due) {
        assertThat(due).as("before the class").isBefore(start);
        List<ZoneOffset> valid = rules.getValidOffsets(intended);
        if (valid.size() == 1) {
            assertThat(due).isEqualTo(intended.toInstant(valid.getFirst()));
            return "once";
        }
        if (valid.size() == 2) {
            Instant first = intended.toInstant(valid.get(0));
            Instant second = intended.toInstant(valid.get(1));
            assertThat(due).as("the first of two").isEqualTo(first.isBefore(second) ? first : second);
            return "twice";
        }
        ZoneOffsetTransition gap = rules.getTransition(intended);
        Duration beforeJumpEnd = Duration.between(intended, gap.getDateTimeAfter());
        assertThat(due).as("skipped by the clock").isEqualTo(gap.getInstant().minus(beforeJumpEnd));
        return "skipped";
    }

    private static List<ZoneOffsetTransition> transitionsIn(ZoneRules rules, int fromYear, int toYear) {
        List<ZoneOffsetTransition> found = new ArrayList<>();
        Instant from = LocalDateTime.of(fromYear, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        Instant to = LocalDateTime.of(toYear + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition t = rules.nextTransition(from.minusSeconds(1));
        while (t != null && t.getInstant().isBefore(to)) {
            found.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        return found;
    }
}
