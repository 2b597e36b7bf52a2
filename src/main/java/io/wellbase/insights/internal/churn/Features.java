package io.wellbase.insights.internal.churn;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A client's figures as of a day, computed only from what was known that day (no look-ahead), and whether
 * they came in the 30 days after it (known only for days at least 30 days past).
 */
record Features(UUID clientId, LocalDate asOf, double[] values, boolean churned, Facts facts) {

    /** The names of {@link #values()}, in order; the model's columns. */
    static final List<String> NAMES = List.of(
            "recencyDays",
            "usualGapDays",
            "recencyOverGap",
            "visitsLast30",
            "visitTrend",
            "tenureDays",
            "hasMembership",
            "daysToMembershipEnd",
            "endsSoonWithoutRenewal",
            "creditsLeft",
            "lateCancelsLast30",
            "lateCancelTrend",
            "noShowsLast60",
            "bookingLeadHours",
            "messagesLast30",
            "messageTrend");

    /** The plain figures the reasons are worded from. */
    record Facts(
            int recencyDays,
            double usualGapDays,
            int visitsLast30,
            int visitsPrevious60,
            int tenureDays,
            boolean member,
            int daysToEnd,
            boolean renewalKnown,
            boolean pack,
            int creditsLeft,
            int lateLast30,
            int latePrevious60,
            int noShowsLast60,
            int messagesLast30,
            int messagesPrevious60) {}

    static Features of(UUID client, LocalDate asOf, Facts f, boolean churned, double leadHours) {
        double gap = f.usualGapDays();
        boolean endsSoon = f.member() && f.daysToEnd() <= 14 && !f.renewalKnown();
        double[] v = {
            Math.min(f.recencyDays(), 365),
            Math.min(gap, 180),
            Math.min(f.recencyDays() / Math.max(gap, 1.0), 10),
            f.visitsLast30(),
            f.visitsLast30() - f.visitsPrevious60() / 2.0,
            Math.min(f.tenureDays(), 730),
            f.member() ? 1 : 0,
            f.member() ? Math.min(f.daysToEnd(), 120) : 120,
            endsSoon ? 1 : 0,
            f.pack() ? Math.min(Math.max(f.creditsLeft(), 0), 10) : 10,
            f.lateLast30(),
            f.lateLast30() - f.latePrevious60() / 2.0,
            f.noShowsLast60(),
            Math.min(Math.max(leadHours, 0), 336),
            Math.min(f.messagesLast30(), 30),
            Math.min(f.messagesLast30(), 30) - Math.min(f.messagesPrevious60(), 60) / 2.0
        };
        return new Features(client, asOf, v, churned, f);
    }
}
