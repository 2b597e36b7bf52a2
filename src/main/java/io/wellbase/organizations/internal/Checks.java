package io.wellbase.organizations.internal;

import io.wellbase.platform.web.ApiException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Checks of the standard codes an organization or location carries.
 */
public final class Checks {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Checks() {}

    /** Whether the value is an IANA time zone id. */
    public static boolean isTimezone(String value) {
        return value != null && ZoneId.getAvailableZoneIds().contains(value);
    }

    /** Whether the value is an ISO 4217 currency code (any case). */
    public static boolean isCurrency(String value) {
        try {
            Currency.getInstance(value.toUpperCase(Locale.ROOT));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the value is an ISO 3166-1 alpha-2 country code (any case). */
    public static boolean isCountry(String value) {
        return value != null && COUNTRIES.contains(value.toUpperCase(Locale.ROOT));
    }

    static String timezone(String field, String value) {
        if (!isTimezone(value)) {
            throw ApiException.invalidField(field, "must be an IANA time zone such as Europe/Berlin");
        }
        return value;
    }

    static String currency(String field, String value) {
        try {
            return Currency.getInstance(value.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (RuntimeException e) {
            throw ApiException.invalidField(field, "must be an ISO 4217 currency code such as EUR");
        }
    }

    static String country(String field, String value) {
        if (!isCountry(value)) {
            throw ApiException.invalidField(field, "must be an ISO 3166-1 alpha-2 country code such as DE");
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
