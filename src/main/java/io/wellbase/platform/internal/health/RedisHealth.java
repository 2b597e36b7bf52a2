package io.wellbase.platform.internal.health;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.wellbase.platform.PlatformProperties;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Redis, when one is configured ({@code wellbase.platform.redis.url}: shared rate limits and caches): a PING within
 * a second. Without one the status is unknown, which does not make the node unhealthy.
 */
@Component("redisHealthIndicator")
class RedisHealth implements HealthIndicator {

    private final PlatformProperties.Redis settings;
    private volatile RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;

    RedisHealth(PlatformProperties properties) {
        this.settings = properties.redis();
    }

    @Override
    public Health health() {
        if (!settings.configured()) {
            return Health.unknown().withDetail("redis", "not configured").build();
        }
        try {
            String pong = connection().sync().ping();
            return "PONG".equals(pong)
                    ? Health.up().build()
                    : Health.down().withDetail("reply", pong).build();
        } catch (RuntimeException e) {
            close();
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null || !connection.isOpen()) {
            if (client == null) {
                client = RedisClient.create(settings.url());
                client.setDefaultTimeout(Duration.ofSeconds(1));
            }
            connection = client.connect();
        }
        return connection;
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (client != null) {
            client.shutdown();
            client = null;
        }
    }
}
