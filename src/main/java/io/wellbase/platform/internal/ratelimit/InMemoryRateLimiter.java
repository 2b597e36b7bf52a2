package io.wellbase.platform.internal.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Buckets in this node's memory: the default for a single node. Idle buckets are dropped after an
 * hour, by which time every limit here has refilled anyway.
 */
class InMemoryRateLimiter extends BucketRateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(1_000_000)
            .build();

    @Override
    protected Bucket bucket(String key, Limit limit) {
        return buckets.get(
                key + "|" + limit.capacity() + "/" + limit.period(),
                k -> Bucket.builder()
                        .addLimit(configuration(limit).getBandwidths()[0])
                        .build());
    }
}
