package io.wellbase.dataexchange.internal.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers for the cell formats other systems write: dates, times, money, flags, weekdays. */
final class Values {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](.+))?");
    private static final Pattern NUMERIC =
            Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})(?:,?\\s+(.+))?");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2})(?:\\.\\d+)?)?\\s*([ap]\\.?m\\.?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE_SUFFIX = Pattern.compile("(Z|[+-]\\d{2}:?\\d{2})$");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Values() {}

    /** Day-or-month parts of a non-ISO numeric date, or null for anything else. */
    static int[] numericDateParts(String value) {
        Matcher m = NUMERIC.matcher(value.strip());
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    static LocalDate date(String value, DateOrder order) {
        LocalDateTime dateTime = dateTime(value, order);
        return dateTime == null ? null : dateTime.toLocalDate();
    }

    /** A date with an optional time after it; midnight when there is none. Null when unreadable. */
    static LocalDateTime dateTime(String value, DateOrder order) {
        String v = value.strip();
        try {
            Matcher iso = ISO.matcher(v);
            if (iso.matches()) {
                LocalDate date = LocalDate.of(
                        Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                return withTime(date, iso.group(4));
            }
            Matcher m = NUMERIC.matcher(v);
            if (m.matches()) {
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    int pivot = LocalDate.now().getYear() % 100 + 1;
                    year += year <= pivot ? 2000 : 1900;
                }
                LocalDate date =
                        order == DateOrder.DMY ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second);
                return withTime(date, m.group(4));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static LocalDateTime withTime(LocalDate date, String timeText) {
        if (timeText == null || timeText.isBlank()) {
            return date.atStartOfDay();
        }
        String t = ZONE_SUFFIX.matcher(timeText.strip()).replaceAll("");
        LocalTime time = time(t);
        if (time == null) {
            throw new DateTimeException("bad time");
        }
        return date.atTime(time);
    }

    /** 9:00, 09:00:00, 9:00 AM, 9pm, 21:30. Null when unreadable. */
    static LocalTime time(String value) {
        Matcher m = TIME.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String half = m.group(4);
        if (half == null && m.group(2) == null) {
            return null;
        }
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = half.toLowerCase(Locale.ROOT).startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }

    /**
     * An amount in minor units: "$1,234.50", "1.234,50 €", "EUR 12", "(15.00)" and "-15" (negative).
     * The separator that comes last with one or two digits after it is the decimal separator.
     */
    static Long money(String value, int fractionDigits) {
        String v = value.strip();
        boolean negative = v.startsWith("(") && v.endsWith(")") || v.startsWith("-") || v.endsWith("-");
        String digits = v.replaceAll("[^0-9.,]", "");
        if (digits.isEmpty() || !v.replaceAll("[\\p{Sc}\\p{L}\\s()'\\-+]", "").equals(digits)) {
            return null;
        }
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        int decimalAt = -1;
        if (lastDot >= 0 && lastComma >= 0) {
            decimalAt = Math.max(lastDot, lastComma);
        } else if (lastDot >= 0 || lastComma >= 0) {
            int last = Math.max(lastDot, lastComma);
            char separator = digits.charAt(last);
            boolean single = digits.indexOf(separator) == last;
            int after = digits.length() - last - 1;
            if (single && after != 3) {
                decimalAt = last;
            }
        }
        String integer = decimalAt < 0 ? digits : digits.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : digits.substring(decimalAt + 1);
        if (!integer.isEmpty() && !integer.matches("\\d+|\\d{1,3}(,\\d{3})+|\\d{1,3}(\\.\\d{3})+")
                || decimalAt >= 0 && integer.indexOf(digits.charAt(decimalAt)) >= 0) {
            return null; // separators in places no number format puts them
        }
        integer = integer.replaceAll("[.,]", "");
        if (fraction.contains(".") || fraction.contains(",") || integer.isEmpty() && fraction.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount =
                    new BigDecimal((integer.isEmpty() ? "0" : integer) + "." + (fraction.isEmpty() ? "0" : fraction));
            long minor = amount.movePointRight(fractionDigits)
                    .setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
            return negative ? -minor : minor;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** Yes/No, Y/N, True/False, 1/0, X or a check mark; null when unreadable. Empty is no. */
    static Boolean flag(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "no", "n", "false", "f", "0", "-" -> false;
            case "yes", "y", "true", "t", "1", "x", "✓", "✔", "ja", "oui", "si", "sí" -> true;
            default -> null;
        };
    }

    static Integer integer(String value) {
        String v = value.strip().replaceAll("[\\s,']", "");
        if (v.matches("-?\\d{1,9}(\\.0+)?")) {
            return Integer.parseInt(v.replaceAll("\\.0+$", ""));
        }
        return null;
    }

    static boolean email(String value) {
        return EMAIL.matcher(value).matches() && value.length() <= 254;
    }

    /** "Monday", "Mon, Wed", "Tu/Th", "MWF" is not supported; null when any part is unknown. */
    static Set<DayOfWeek> weekdays(String value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : value.split("[,;/&+\\s]+|\\band\\b")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            DayOfWeek day = weekday(p);
            if (day == null) {
                return null;
            }
            days.add(day);
        }
        return days.isEmpty() ? null : days;
    }

    private static DayOfWeek weekday(String p) {
        if (p.matches("[1-7]")) {
            return DayOfWeek.of(Integer.parseInt(p));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (p.length() >= 2 && name.startsWith(p.replace(".", ""))) {
                return day;
            }
        }
        return null;
    }
}
