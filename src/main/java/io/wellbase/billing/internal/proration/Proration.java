package io.wellbase.billing.internal.proration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Proration by whole days, the period's end kept: from the change day to the period's last day (both included) the
 * client gets back the old plan's share and pays the new plan's share, each rounded half up to the minor unit. A
 * positive {@code due} is charged, a negative one is credited.
 */
public record Proration(
        LocalDate on,
        LocalDate periodStart,
        LocalDate periodEnd,
        int daysInPeriod,
        int daysLeft,
        long credit,
        long charge,
        long due) {

    public static Proration of(long oldPrice, long newPrice, LocalDate periodStart, LocalDate periodEnd, LocalDate on) {
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("The period ends before it starts");
        }
        int days = (int) ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
        LocalDate from = on.isBefore(periodStart) ? periodStart : on;
        int left = from.isAfter(periodEnd) ? 0 : (int) ChronoUnit.DAYS.between(from, periodEnd) + 1;
        long credit = share(oldPrice, left, days);
        long charge = share(newPrice, left, days);
        return new Proration(on, periodStart, periodEnd, days, left, credit, charge, charge - credit);
    }

    private static long share(long price, int left, int days) {
        return BigDecimal.valueOf(price)
                .multiply(BigDecimal.valueOf(left))
                .divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
