package io.wellbase.insights.internal.ask;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the periods a question names ("last month", "in March", "the past 6 weeks", "2025", "since May",
 * "between 2026-01-01 and 2026-02-15"), relative to the organization's today, in the order they appear.
 */
final class TimePhrases {

    /** A period found, with where it stood in the text. */
    record Found(LocalDate from, LocalDate to, String words, int start, int end) {}

    private static final String MONTH =
            "(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2}|" + MONTH + " \\d{1,2}(?:st|nd|rd|th)?(?: \\d{4})?)";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("twelve", 12),
            Map.entry("a", 1));

    private static final Pattern BETWEEN =
            Pattern.compile("\\b(?:between|from) " + DATE + " (?:and|to|until|till) " + DATE + "\\b");
    private static final Pattern SINCE = Pattern.compile("\\bsince (?:" + DATE + "|" + MONTH + "(?: (\\d{4}))?)\\b");
    private static final Pattern LAST_N = Pattern.compile(
            "\\b(?:in )?(?:the )?(?:last|past|previous) (\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (day|week|month|year)s?\\b");
    private static final Pattern NAMED = Pattern.compile(
            "\\b(today|yesterday|year to date|ytd|(?:this|last|previous|past) (?:week|month|quarter|year)|q([1-4])(?: (\\d{4}))?)\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b(?:in |during |for )?" + MONTH + "(?: (\\d{4}))?\\b");
    /** A year standing alone: digits glued to letters, digits or hyphens (an id, a phone number) are no year. */
    private static final Pattern YEAR =
            Pattern.compile("\\b(?:in |during |for )?(?<![a-z0-9-])(20\\d{2}|19\\d{2})(?![a-z0-9-])");

    private TimePhrases() {}

    /** Every period named in the (normalised) text, left to right, none overlapping another. */
    static List<Found> find(String text, LocalDate today) {
        List<Found> found = new ArrayList<>();
        StringBuilder free = new StringBuilder(text);
        between(free, today, found);
        since(free, today, found);
        lastN(free, today, found);
        named(free, today, found);
        months(free, today, found);
        years(free, found);
        found.sort(java.util.Comparator.comparingInt(Found::start));
        return found;
    }

    private static void between(StringBuilder free, LocalDate today, List<Found> found) {
        Matcher m = BETWEEN.matcher(free);
        while (m.find()) {
            LocalDate a = date(m.group(1), today);
            LocalDate b = date(m.group(3), today);
            if (a != null && b != null) {
                take(free, found, a, b, m);
                m = BETWEEN.matcher(free);
            }
        }
    }

    private static void since(StringBuilder free, LocalDate today, List<Found> found) {
        Matcher m = SINCE.matcher(free);
        while (m.find()) {
            LocalDate from;
            if (m.group(1) != null) {
                from = date(m.group(1), today);
            } else {
                from = month(m.group(3), m.group(4), today)[0];
            }
            if (from != null && !from.isAfter(today)) {
                take(free, found, from, today, m);
                m = SINCE.matcher(free);
            }
        }
    }

    private static void lastN(StringBuilder free, LocalDate today, List<Found> found) {
        Matcher m = LAST_N.matcher(free);
        while (m.find()) {
            String count = m.group(1);
            int n = Character.isDigit(count.charAt(0)) ? Integer.parseInt(count) : NUMBERS.get(count);
            if (n < 1) {
                continue;
            }
            LocalDate from = switch (m.group(2)) {
                case "day" -> today.minusDays(n - 1L);
                case "week" -> today.minusWeeks(n).plusDays(1);
                case "month" -> today.minusMonths(n).plusDays(1);
                default -> today.minusYears(n).plusDays(1);
            };
            take(free, found, from, today, m);
            m = LAST_N.matcher(free);
        }
    }

    private static void named(StringBuilder free, LocalDate today, List<Found> found) {
        Matcher m = NAMED.matcher(free);
        while (m.find()) {
            String w = m.group(1).replace("previous ", "last ").replace("past ", "last ");
            LocalDate[] r;
            if (m.group(2) != null) {
                int year = m.group(3) == null ? today.getYear() : Integer.parseInt(m.group(3));
                LocalDate start = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                if (m.group(3) == null && start.isAfter(today)) {
                    start = start.minusYears(1);
                }
                r = new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
            } else {
                r = switch (w) {
                    case "today" -> new LocalDate[] {today, today};
                    case "yesterday" -> new LocalDate[] {today.minusDays(1), today.minusDays(1)};
                    case "this week" -> new LocalDate[] {monday(today), today};
                    case "last week" ->
                        new LocalDate[] {
                            monday(today).minusWeeks(1), monday(today).minusDays(1)
                        };
                    case "this month" -> new LocalDate[] {today.withDayOfMonth(1), today};
                    case "last month" -> {
                        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                        yield new LocalDate[] {first, first.withDayOfMonth(first.lengthOfMonth())};
                    }
                    case "this quarter" -> new LocalDate[] {quarter(today), today};
                    case "last quarter" -> {
                        LocalDate start = quarter(today).minusMonths(3);
                        yield new LocalDate[] {start, quarter(today).minusDays(1)};
                    }
                    case "this year", "year to date", "ytd" -> new LocalDate[] {today.withDayOfYear(1), today};
                    case "last year" -> {
                        LocalDate start = today.withDayOfYear(1).minusYears(1);
                        yield new LocalDate[] {start, start.plusYears(1).minusDays(1)};
                    }
                    default -> null;
                };
            }
            if (r != null) {
                take(free, found, r[0], r[1], m);
                m = NAMED.matcher(free);
            }
        }
    }

    private static void months(StringBuilder free, LocalDate today, List<Found> found) {
        Matcher m = MONTH_YEAR.matcher(free);
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("may") && m.group(2) == null && !m.group().matches("(in|during|for) .*")) {
                continue; // "may" the verb ("may I see…"), not the month
            }
            LocalDate[] r = month(name, m.group(2), today);
            take(free, found, r[0], r[1], m);
            m = MONTH_YEAR.matcher(free);
        }
    }

    private static void years(StringBuilder free, List<Found> found) {
        Matcher m = YEAR.matcher(free);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            take(free, found, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), m);
            m = YEAR.matcher(free);
        }
    }

    /** Records a period and blanks its words, so no later pattern reads them again. */
    private static void take(StringBuilder free, List<Found> found, LocalDate from, LocalDate to, Matcher m) {
        found.add(new Found(from, to, m.group().trim(), m.start(), m.end()));
        for (int i = m.start(); i < m.end(); i++) {
            free.setCharAt(i, ' ');
        }
    }

    /** A month by name, in the given year or else the latest one that has begun by today. */
    private static LocalDate[] month(String name, @Nullable String year, LocalDate today) {
        Month month = monthOf(name);
        LocalDate start;
        if (year != null) {
            start = LocalDate.of(Integer.parseInt(year), month, 1);
        } else {
            start = LocalDate.of(today.getYear(), month, 1);
            if (start.isAfter(today)) {
                start = start.minusYears(1);
            }
        }
        return new LocalDate[] {start, start.withDayOfMonth(start.lengthOfMonth())};
    }

    private static Month monthOf(String name) {
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.equals(name) || full.startsWith(name) && name.length() >= 3) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static @Nullable LocalDate date(String text, LocalDate today) {
        try {
            if (Character.isDigit(text.charAt(0))) {
                return LocalDate.parse(text);
            }
            String[] parts = text.replaceAll("(st|nd|rd|th)\\b", "").split(" ");
            Month month = monthOf(parts[0]);
            int day = Integer.parseInt(parts[1]);
            int year = parts.length > 2 ? Integer.parseInt(parts[2]) : today.getYear();
            LocalDate d = LocalDate.of(year, month, day);
            return parts.length <= 2 && d.isAfter(today) ? d.minusYears(1) : d;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate quarter(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }
}
