package io.wellbase.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** A date or instant query parameter: the fallback when absent, a 400 naming the field when malformed. */
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

    /** An instant, or a date meaning its start in UTC; null when absent. */
    public static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.invalidField(
                        field, "must be a date (2026-03-14) or an instant (2026-03-14T09:00:00Z)");
            }
        }
    }
}
