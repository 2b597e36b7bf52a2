package io.wellbase.dataexchange.internal.imports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One data row of a file, read through the column mapping; every reader names the cell it blames.
 * A cell that is read with a default instead of failing the row leaves a warning for the report.
 */
final class ImportRow {

    /** A cell read with a default: the row is imported, and the report says so. */
    record Warning(String field, String value, String message) {}

    private final long number;
    private final List<String> cells;
    private final ImportContext context;
    private List<Warning> warnings = List.of();

    ImportRow(long number, List<String> cells, ImportContext context) {
        this.number = number;
        this.cells = cells;
        this.context = context;
    }

    long number() {
        return number;
    }

    /** The trimmed text of a field, or null when the file has no such column or the cell is empty. */
    String text(String field) {
        Integer index = context.mapping().columns().get(field);
        if (index == null || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip().replace("\r\n", "\n");
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1); // a formula defused by an export
        }
        return value.isEmpty() ? null : value;
    }

    String requiredText(String field) throws RowProblem {
        String value = text(field);
        if (value == null) {
            throw problem(field, null, "is empty");
        }
        return value;
    }

    String limited(String field, int max) throws RowProblem {
        String value = text(field);
        if (value != null && value.length() > max) {
            throw problem(field, value, "is longer than " + max + " characters");
        }
        return value;
    }

    String email(String field) throws RowProblem {
        String value = text(field);
        if (value != null && !Values.email(value)) {
            throw problem(field, value, "is not an email address");
        }
        return value;
    }

    LocalDate date(String field) throws RowProblem {
        String value = text(field);
        if (value == null) {
            return null;
        }
        LocalDate date = Values.date(value, context.dateOrder());
        if (date == null || date.getYear() < 1900 || date.getYear() > 2200) {
            throw problem(
                    field, value, "is not a date in " + context.dateOrder().pattern());
        }
        return date;
    }

    LocalDateTime dateTime(String field) throws RowProblem {
        String value = text(field);
        if (value == null) {
            return null;
        }
        LocalDateTime dateTime = Values.dateTime(value, context.dateOrder());
        if (dateTime == null || dateTime.getYear() < 1900 || dateTime.getYear() > 2200) {
            throw problem(
                    field,
                    value,
                    "is not a date (and time) in " + context.dateOrder().pattern());
        }
        return dateTime;
    }

    LocalTime time(String field) throws RowProblem {
        String value = text(field);
        if (value == null) {
            return null;
        }
        LocalTime time = Values.time(value);
        if (time == null) {
            throw problem(field, value, "is not a time like 09:30 or 9:30 AM");
        }
        return time;
    }

    Integer integer(String field, int min, int max) throws RowProblem {
        String value = text(field);
        if (value == null) {
            return null;
        }
        Integer number = Values.integer(value);
        if (number == null || number < min || number > max) {
            throw problem(field, value, "is not a whole number from " + min + " to " + max);
        }
        return number;
    }

    Long money(String field) throws RowProblem {
        String value = text(field);
        if (value == null) {
            return null;
        }
        Long amount = Values.money(value, context.fractionDigits());
        if (amount == null) {
            throw problem(field, value, "is not an amount like 25.00, $1,234.50 or 1.234,50 €");
        }
        return amount;
    }

    boolean flag(String field) throws RowProblem {
        String value = text(field);
        if (value == null) {
            return false;
        }
        Boolean flag = Values.flag(value);
        if (flag == null) {
            throw problem(field, value, "is not Yes or No");
        }
        return flag;
    }

    Set<DayOfWeek> weekdays(String field) throws RowProblem {
        String value = requiredText(field);
        Set<DayOfWeek> days = Values.weekdays(value);
        if (days == null) {
            throw problem(field, value, "is not a day of the week (Monday, Mon, Tue/Thu, 1-7)");
        }
        return days;
    }

    /**
     * The Wellbase value a cell's word means, or empty (with a warning naming {@code fallback}, what
     * the row is imported with instead) when the vocabulary does not know it. Empty for an empty cell.
     */
    Optional<String> term(String field, Vocabulary vocabulary, String fallback) {
        String value = text(field);
        if (value == null) {
            return Optional.empty();
        }
        Optional<String> term = vocabulary.lookup(value);
        if (term.isEmpty()) {
            warn(
                    field,
                    value,
                    "is not a " + vocabulary.what() + " Wellbase knows (" + String.join(", ", vocabulary.values())
                            + "); " + fallback);
        }
        return term;
    }

    /** The file's header of a field, for messages. */
    String header(String field) {
        return context.header(field);
    }

    void warn(String field, String value, String message) {
        if (warnings.isEmpty()) {
            warnings = new ArrayList<>(2);
        }
        warnings.add(new Warning(field, value, message));
    }

    List<Warning> warnings() {
        return warnings;
    }

    RowProblem problem(String field, String value, String message) {
        return new RowProblem(field, value, message);
    }
}
