package io.wellbase.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** A date query parameter: the fallback when absent, a 400 naming the field when malformed. */
public final class RequestDates {

    private RequestDates() {}

    public static LocalDate date(String field, @Nullable String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date like 2026-03-14");
        }
    }
}
