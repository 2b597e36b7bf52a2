package io.wellbase.scheduling.internal.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes RFC 5545 calendars. Each event is written in its own location's time zone (TZID), and each
 * zone used gets one VTIMEZONE built from its real transitions over the span the events cover. A time in
 * the hour repeated when clocks go back is written in UTC instead, since readers disagree on which of
 * its two instants such a wall time means. Lines are folded at 75 octets and text is escaped.
 */
final class ICalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {}

    /** One event: its instants and the zone of the place it happens in. */
    record Event(
            String uid,
            String summary,
            String location,
            String description,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean cancelled) {}

    /** The span of time a zone's definition must cover. */
    private record Span(Instant from, Instant to) {

        Span including(Event e) {
            return new Span(e.start().isBefore(from) ? e.start() : from, e.end().isAfter(to) ? e.end() : to);
        }
    }

    static String render(String name, Instant from, Instant to, Instant stamp, List<Event> events) {
        Map<ZoneId, Span> zones = new LinkedHashMap<>();
        for (Event e : events) {
            zones.merge(e.zone(), new Span(from, to).including(e), (a, b) -> a.including(e));
        }
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Wellbase//Calendar feed//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(name));
        if (zones.size() == 1) {
            line(out, "X-WR-TIMEZONE:" + zones.keySet().iterator().next().getId());
        }
        zones.forEach((zone, span) -> timezone(out, zone, span));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + escape(e.uid()));
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, dateTime("DTSTART", e.start(), e.zone()));
            line(out, dateTime("DTEND", e.end(), e.zone()));
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

    /**
     * A DATE-TIME property: the wall time in the zone with its TZID when that wall time names one
     * instant, else UTC. In the hour repeated when clocks go back, RFC 5545 (3.3.5) means the first
     * occurrence, but ical.js and python-icalendar 4 (pytz) read the second (standard time): only UTC
     * means the same instant to all readers.
     */
    static String dateTime(String property, Instant at, ZoneId zone) {
        Instant seconds = at.truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime wall = LocalDateTime.ofInstant(seconds, zone);
        if (zone.getRules().getValidOffsets(wall).size() != 1) {
            return property + ":" + UTC.format(seconds);
        }
        return property + ";TZID=" + zone.getId() + ":" + LOCAL.format(wall);
    }

    private static void timezone(StringBuilder out, ZoneId zone, Span span) {
        ZoneRules rules = zone.getRules();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        ZoneOffsetTransition transition = rules.previousTransition(span.from().plusSeconds(1));
        boolean any = false;
        while (transition != null && !transition.getInstant().isAfter(span.to())) {
            String kind = rules.isDaylightSavings(transition.getInstant()) ? "DAYLIGHT" : "STANDARD";
            line(out, "BEGIN:" + kind);
            line(out, "DTSTART:" + LOCAL.format(transition.getDateTimeBefore()));
            line(out, "TZOFFSETFROM:" + offset(transition.getOffsetBefore()));
            line(out, "TZOFFSETTO:" + offset(transition.getOffsetAfter()));
            line(out, "END:" + kind);
            any = true;
            transition = rules.nextTransition(transition.getInstant());
        }
        if (!any) {
            ZoneOffset fixed = rules.getOffset(span.from());
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
        String text = (seconds < 0 ? "-" : "+") + String.format("%02d%02d", abs / 3600, (abs % 3600) / 60);
        return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
    }

    /** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; other control characters dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends a content line folded at 75 octets, as RFC 5545 requires, ending in CRLF. */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
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
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8))
                    .append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            out.append("\r\n");
        }
    }
}
