package io.wellbase.notifications.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before the next attempt: the first wait doubled for each attempt made, capped, then a random
 * part of up to half of it taken off, so messages that failed together do not all come back together.
 */
record Backoff(Duration first, Duration max) {

    Duration after(int attemptsMade) {
        long base = first.toMillis() << Math.min(Math.max(attemptsMade - 1, 0), 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(capped - jitter);
    }
}
