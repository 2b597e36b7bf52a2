package io.wellbase.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in integration tests: the system clock until a test fixes it at a moment
 * (for instance to put a daylight-saving change inside the 12-week horizon), and again after each test.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Stops the clock at an instant until {@link #reset()}. */
    public void fixAt(Instant instant) {
        this.fixed = instant;
    }

    /** Back to the system clock. */
    public void reset() {
        this.fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new Zoned(this, other);
    }

    /** The same moving or fixed instant, seen in another zone. */
    private static final class Zoned extends Clock {

        private final TestClock source;
        private final ZoneId zone;

        Zoned(TestClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return source.withZone(other);
        }
    }
}
