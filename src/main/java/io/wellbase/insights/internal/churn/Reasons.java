package io.wellbase.insights.internal.churn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A score's reasons in words: each reason that applies to the client, ordered by how much its features
 * pushed the score up (the model's contributions; the rules' own order when no model is trained).
 */
final class Reasons {

    private record Reason(String text, double weight) {}

    private Reasons() {}

    static List<String> of(Features f, double[] contributions) {
        Features.Facts x = f.facts();
        List<Reason> reasons = new ArrayList<>();
        double ratio = x.recencyDays() / Math.max(x.usualGapDays(), 1.0);
        if (ratio >= 1.5 && x.recencyDays() >= 7) {
            reasons.add(new Reason(
                    "visits every %s days, none for %d days".formatted(gap(x.usualGapDays()), x.recencyDays()),
                    weight(contributions, 0, 2, 3.0 - 0.1)));
        }
        if (x.member() && x.daysToEnd() <= 14 && !x.renewalKnown()) {
            reasons.add(new Reason(
                    "membership ends in %d days without renewal".formatted(x.daysToEnd()),
                    weight(contributions, 7, 8, 2.0)));
        }
        if (!x.member()) {
            reasons.add(new Reason("no membership or pack running", weight(contributions, 6, 6, 0.5)));
        }
        if (x.pack() && x.creditsLeft() <= 1) {
            reasons.add(new Reason(
                    x.creditsLeft() <= 0 ? "credits have run out" : "credits run out (1 left)",
                    weight(contributions, 9, 9, 1.5)));
        }
        if (x.visitsPrevious60() >= 2 && x.visitsLast30() * 2 < x.visitsPrevious60()) {
            reasons.add(new Reason(
                    "visits down from %s to %d a month".formatted(monthly(x.visitsPrevious60()), x.visitsLast30()),
                    weight(contributions, 3, 4, 1.0)));
        }
        if (x.lateLast30() >= 2 && x.lateLast30() * 2 > x.latePrevious60()) {
            reasons.add(new Reason(
                    "late cancels rising (%d in the last 30 days)".formatted(x.lateLast30()),
                    weight(contributions, 10, 11, 0.8)));
        }
        if (x.noShowsLast60() >= 2) {
            reasons.add(new Reason(
                    "%d no-shows in the last 60 days".formatted(x.noShowsLast60()),
                    weight(contributions, 12, 12, 0.6)));
        }
        if (x.messagesPrevious60() >= 2 && x.messagesLast30() == 0) {
            reasons.add(new Reason(
                    "stopped writing (%s messages a month before, none in 30 days)"
                            .formatted(monthly(x.messagesPrevious60())),
                    weight(contributions, 14, 15, 0.5)));
        }
        if (x.tenureDays() <= 45) {
            reasons.add(new Reason(
                    "new client (first visit %d days ago)".formatted(x.tenureDays()),
                    weight(contributions, 5, 5, 0.4)));
        }
        reasons.sort(Comparator.comparingDouble(Reason::weight).reversed());
        return reasons.stream().limit(3).map(Reason::text).toList();
    }

    /** The larger of two features' contributions, or the rules' fixed weight when there is no model. */
    private static double weight(double[] contributions, int a, int b, double fallback) {
        if (contributions.length == 0) {
            return fallback;
        }
        return Math.max(contributions[a], contributions[b]);
    }

    private static String gap(double days) {
        return days >= 10 ? String.valueOf(Math.round(days)) : String.format(Locale.ROOT, "%.0f", Math.max(days, 1));
    }

    private static String monthly(int previous60) {
        double perMonth = previous60 / 2.0;
        return perMonth == Math.rint(perMonth) ? String.valueOf((int) perMonth) : String.valueOf(perMonth);
    }
}
