package io.wellbase.dataexchange.internal.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ISO 3166 two-letter codes from a code or an English country name ("United States", "USA"). */
final class Countries {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            BY_NAME.put(code.toLowerCase(Locale.ROOT), code);
            BY_NAME.put(locale.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
            try {
                BY_NAME.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code
            }
        }
        BY_NAME.put("usa", "US");
        BY_NAME.put("united states of america", "US");
        BY_NAME.put("uk", "GB");
        BY_NAME.put("england", "GB");
        BY_NAME.put("deutschland", "DE");
    }

    private Countries() {}

    static String code(String value) {
        return BY_NAME.get(value.strip().toLowerCase(Locale.ROOT));
    }
}
