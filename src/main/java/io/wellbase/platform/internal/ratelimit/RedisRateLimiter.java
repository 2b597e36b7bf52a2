package io.wellbase.platform.internal.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buckets kept in Redis (compare-and-swap through Lettuce), so several nodes share one limit.
 */
class RedisRateLimiter extends BucketRateLimiter implements AutoCloseable {

    private final RedisClient client;
    private final ProxyManager<byte[]> buckets;
    private final String keyPrefix;

    RedisRateLimiter(String redisUrl, String keyPrefix) {
        this.keyPrefix = keyPrefix;
        this.client = RedisClient.create(redisUrl);
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    protected Bucket bucket(String key, Limit limit) {
        byte[] redisKey = (keyPrefix + ":" + key + "|" + limit.capacity() + "/" + limit.period())
                .getBytes(StandardCharsets.UTF_8);
        return buckets.builder().build(redisKey, () -> configuration(limit));
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
