package io.wellbase.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A circuit breaker per channel, on this node: after {@link #FAILURES_TO_OPEN} failures in a row the
 * channel's provider is not called for {@link #OPEN_FOR} (its messages wait, no attempt counted); then one
 * message tries it (half open): a success closes the breaker, a failure opens it again. A provider that
 * fails fast is not hammered by every retry.
 */
final class ProviderBreakers {

    static final int FAILURES_TO_OPEN = 5;
    static final Duration OPEN_FOR = Duration.ofSeconds(30);

    /** What the breaker lets through. */
    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private static final class Breaker {
        int failures;
        Instant openUntil = Instant.MIN;
        boolean trialRunning;
    }

    private final Map<Channel, Breaker> breakers = new EnumMap<>(Channel.class);

    private synchronized Breaker of(Channel channel) {
        return breakers.computeIfAbsent(channel, c -> new Breaker());
    }

    /** Whether a message may go to the channel's provider now; at most one at a time while half open. */
    synchronized boolean allows(Channel channel, Instant now) {
        Breaker b = of(channel);
        if (b.failures < FAILURES_TO_OPEN) {
            return true;
        }
        if (now.isBefore(b.openUntil) || b.trialRunning) {
            return false;
        }
        b.trialRunning = true;
        return true;
    }

    /** When a message the breaker held back may try again. */
    synchronized Instant retryAt(Channel channel) {
        return of(channel).openUntil;
    }

    synchronized void succeeded(Channel channel) {
        Breaker b = of(channel);
        b.failures = 0;
        b.trialRunning = false;
    }

    synchronized void failed(Channel channel, Instant now) {
        Breaker b = of(channel);
        b.failures++;
        b.trialRunning = false;
        if (b.failures >= FAILURES_TO_OPEN) {
            b.openUntil = now.plus(OPEN_FOR);
        }
    }

    synchronized State state(Channel channel, Instant now) {
        Breaker b = of(channel);
        if (b.failures < FAILURES_TO_OPEN) {
            return State.CLOSED;
        }
        return now.isBefore(b.openUntil) ? State.OPEN : State.HALF_OPEN;
    }
}
