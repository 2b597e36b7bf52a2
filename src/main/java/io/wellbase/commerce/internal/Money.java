package io.wellbase.commerce.internal;

import io.wellbase.platform.web.ApiException.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An amount in minor units of a currency, as the API shows it ({@code {"amount": 1299, "currency": "EUR"}}), and
 * the parsing of what a request may send: whole minor units, or a decimal text with no more decimals than the
 * currency has ({@code "12.99"} for euros, {@code "1200"} for yen).
 */
public record Money(long amount, String currency) {

    /** A price in a request: {@code amount} in minor units, or {@code decimal} in major units. */
    public record Body(
            @Nullable Number amount,
            @Nullable String decimal,
            @Nullable String currency) {}

    /** The number of decimals the currency has (2 for EUR, 0 for JPY, 3 for KWD). */
    public static int digits(String currency) {
        try {
            int d = Currency.getInstance(currency).getDefaultFractionDigits();
            return Math.max(d, 0);
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /**
     * The minor units of a price in {@code currency}, or null with a field error added: a fraction of a minor
     * unit, a decimal with too many places, another currency, a negative amount.
     */
    public static @Nullable Long parse(@Nullable Body body, String currency, String field, List<FieldError> errors) {
        if (body == null) {
            return null;
        }
        if (body.currency() != null && !body.currency().equalsIgnoreCase(currency)) {
            errors.add(new FieldError(field + ".currency", "must be the organization's currency, " + currency));
            return null;
        }
        Long minor = null;
        if (body.amount() != null && body.decimal() == null) {
            BigDecimal value = new BigDecimal(body.amount().toString());
            if (value.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(field + ".amount", "is in minor units (cents) and must be a whole number"));
                return null;
            }
            minor = value.longValueExact();
        } else if (body.decimal() != null && body.amount() == null) {
            try {
                BigDecimal value = new BigDecimal(body.decimal().strip());
                int digits = digits(currency);
                if (value.stripTrailingZeros().scale() > digits) {
                    errors.add(new FieldError(
                            field + ".decimal", currency + " has " + digits + " decimal places; this has more"));
                    return null;
                }
                minor = value.movePointRight(digits)
                        .setScale(0, RoundingMode.UNNECESSARY)
                        .longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                errors.add(new FieldError(field + ".decimal", "must be a number like 12.99"));
                return null;
            }
        } else {
            errors.add(new FieldError(field, "give either amount (minor units) or decimal (e.g. \"12.99\")"));
            return null;
        }
        if (minor < 0 || minor > 100_000_000_000L) {
            errors.add(new FieldError(field + ".amount", "must be between 0 and 1,000,000,000.00"));
            return null;
        }
        return minor;
    }

    /** A whole quantity from 1 to {@code max}, or null with a field error (fractions, zero, negatives, text). */
    public static @Nullable Integer quantity(@Nullable Number value, int max, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        BigDecimal v = new BigDecimal(value.toString());
        if (v.stripTrailingZeros().scale() > 0
                || v.compareTo(BigDecimal.ONE) < 0
                || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new FieldError(field, "must be a whole number from 1 to " + max));
            return null;
        }
        return v.intValueExact();
    }
}
