package io.wellbase.platform.ratelimit;

import java.time.Duration;

/**
 * Token buckets keyed by caller and endpoint class: in memory on one node, or shared through Redis
 * so that every node sees the same limit.
 */
public interface RateLimiter {

    /** Takes one token from the bucket {@code key} of the given limit. */
    Decision tryConsume(String key, Limit limit);

    /** A bucket size and the period over which it refills completely. */
    record Limit(long capacity, Duration period) {}

    /** The outcome of one consumption, with what the RateLimit headers need. */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {}
}
