package io.wellbase.platform.internal.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.wellbase.platform.ratelimit.RateLimiter;
import java.util.concurrent.TimeUnit;

/**
 * Common bucket arithmetic: one greedy-refilling bandwidth per limit, headers from the probe.
 */
abstract class BucketRateLimiter implements RateLimiter {

    protected abstract Bucket bucket(String key, Limit limit);

    @Override
    public Decision tryConsume(String key, Limit limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        long reset = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new Decision(probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(), ceilSeconds(reset));
    }

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(b -> b.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
