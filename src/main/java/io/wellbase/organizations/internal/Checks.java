package io.wellbase.organizations.internal;

import io.wellbase.platform.web.ApiException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Checks of the standard codes an organization or location carries.
 */
final class Checks {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Checks() {}

    static String timezone(String field, String value) {
        if (value == null || !ZoneId.getAvailableZoneIds().contains(value)) {
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
        String upper = value == null ? null : value.toUpperCase(Locale.ROOT);
        if (upper == null || !COUNTRIES.contains(upper)) {
            throw ApiException.invalidField(field, "must be an ISO 3166-1 alpha-2 country code such as DE");
        }
        return upper;
    }
}
