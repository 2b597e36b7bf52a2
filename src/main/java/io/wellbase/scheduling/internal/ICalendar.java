package io.wellbase.scheduling.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Writes RFC 5545 calendars: events in the location's time zone (TZID), with a VTIMEZONE built
 * from the zone's real transitions over the feed's range, lines folded at 75 octets and text escaped.
 */
final class ICalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /** One event. */
    record Event(String uid, String summary, String location, String description, ZonedDateTime start,
            ZonedDateTime end, boolean cancelled) {
    }

    static String render(String name, ZoneId zone, Instant from, Instant to, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Wellbase//Calendar feed//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(name));
        line(out, "X-WR-TIMEZONE:" + zone.getId());
        timezone(out, zone, from, to);
        Instant stamp = Instant.now();
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(e.start().withZoneSameInstant(zone)));
            line(out, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(e.end().withZoneSameInstant(zone)));
            line(out, "SUMMARY:" + escape(e.summary()));
            if (e.location() != null) {
                line(out, "LOCATION:" + escape(e.location()));
            }
            if (e.description() != null) {
                line(out, "DESCRIPTION:" + escape(e.description()));
            }
            line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void timezone(StringBuilder out, ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        ZoneOffsetTransition transition = rules.previousTransition(from);
        boolean any = false;
        while (transition != null && transition.getInstant().isBefore(to)) {
            boolean daylight = rules.isDaylightSavings(transition.getInstant());
            String kind = daylight ? "DAYLIGHT" : "STANDARD";
            line(out, "BEGIN:" + kind);
            line(out, "DTSTART:" + LOCAL.format(transition.getDateTimeBefore()));
            line(out, "TZOFFSETFROM:" + offset(transition.getOffsetBefore()));
            line(out, "TZOFFSETTO:" + offset(transition.getOffsetAfter()));
            line(out, "END:" + kind);
            any = true;
            transition = rules.nextTransition(transition.getInstant());
        }
        if (!any) {
            ZoneOffset fixed = rules.getOffset(from);
            line(out, "BEGIN:STANDARD");
            line(out, "DTSTART:" + LOCAL.format(LocalDateTime.of(1970, 1, 1, 0, 0)));
            line(out, "TZOFFSETFROM:" + offset(fixed));
            line(out, "TZOFFSETTO:" + offset(fixed));
            line(out, "END:STANDARD");
        }
        line(out, "END:VTIMEZONE");
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", abs / 3600, (abs % 3600) / 60);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets, as RFC 5545 requires, ending in CRLF. */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            if (!first) {
                out.append(' ');
            }
            out.append(new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            out.append("\r\n");
        }
    }
}
