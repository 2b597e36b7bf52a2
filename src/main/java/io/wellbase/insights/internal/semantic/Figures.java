package io.wellbase.insights.internal.semantic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** The arithmetic every insights answer shares: percentages with one decimal and the change between two figures. */
public final class Figures {

    private Figures() {}

    /** part / whole as a percentage with one decimal, half up; {@code whole} must not be 0. */
    public static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** The change from {@code before} to {@code now} in % of before (one decimal); null when either is missing or before is 0. */
    public static @Nullable BigDecimal changePercent(@Nullable Object now, @Nullable Object before) {
        BigDecimal a = decimal(now);
        BigDecimal b = decimal(before);
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.subtract(b).multiply(BigDecimal.valueOf(100)).divide(b.abs(), 1, RoundingMode.HALF_UP);
    }

    /** A metric value (a count or money as Long, a rate as BigDecimal) as a decimal; null otherwise. */
    public static @Nullable BigDecimal decimal(@Nullable Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        return v instanceof Long l ? BigDecimal.valueOf(l) : null;
    }
}
