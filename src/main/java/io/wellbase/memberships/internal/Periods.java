package io.wellbase.memberships.internal;

import java.time.LocalDate;

/**
 * Membership periods are whole days, both ends included: a one-month plan starting on 31 January
 * ends on 28 (or 29) February, the day before the same date a month later.
 */
final class Periods {

    private Periods() {}

    static LocalDate end(LocalDate start, String unit, int count) {
        LocalDate next = switch (unit) {
            case "day" -> start.plusDays(count);
            case "week" -> start.plusWeeks(count);
            case "month" -> start.plusMonths(count);
            case "year" -> start.plusYears(count);
            default -> throw new IllegalArgumentException("Unknown period unit " + unit);
        };
        return next.minusDays(1);
    }
}
