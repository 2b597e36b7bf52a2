package io.wellbase.insights.internal.churn;

/**
 * The rule-based score, for organizations with too little history to train on (and as the yardstick the
 * model must beat): a client is likelier to leave the longer they have stayed away against their own usual
 * gap between visits, the sooner their membership ends with no renewal, when their pack runs out, and when
 * their visits fall or their late cancels rise.
 */
final class Rules {

    private Rules() {}

    static double probability(Features.Facts f) {
        double ratio = f.recencyDays() / Math.max(f.usualGapDays(), 1.0);
        double score = -2.2;
        score += 1.1 * Math.min(Math.max(ratio - 1, 0), 4);
        if (f.member() && f.daysToEnd() <= 14 && !f.renewalKnown()) {
            score += 1.2;
        }
        if (f.pack() && f.creditsLeft() <= 1) {
            score += 0.8;
        }
        if (f.visitsLast30() * 2 < f.visitsPrevious60()) {
            score += 0.6;
        }
        if (f.lateLast30() >= 2 && f.lateLast30() * 2 > f.latePrevious60()) {
            score += 0.4;
        }
        if (!f.member()) {
            score += 0.4;
        }
        return 1 / (1 + Math.exp(-score));
    }
}
