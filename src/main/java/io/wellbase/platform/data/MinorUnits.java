package io.wellbase.platform.data;

import java.math.BigDecimal;
import java.util.Currency;

/** Money as stored (an integer count of minor units) written for people: {@code 1190, "EUR"} → {@code 11.90 EUR}. */
public final class MinorUnits {

    private MinorUnits() {}

    /** The currency's minor-unit digits (2 for EUR, 0 for JPY); 2 for a code Java does not know. */
    public static int digits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    public static String format(long minor, String currency) {
        return new BigDecimal(minor).movePointLeft(digits(currency)).toPlainString() + " " + currency;
    }
}
