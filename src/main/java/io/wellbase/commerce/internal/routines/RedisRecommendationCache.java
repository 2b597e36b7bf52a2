package io.wellbase.commerce.internal.routines;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Recommendations kept in Redis (a key per client with the cache time as its expiry), shared by every node: a new
 * order drops the key, and every node computes afresh. Redis unreachable is not an error: the recommendations are
 * computed for the request (and the failure logged).
 */
final class RedisRecommendationCache implements RecommendationCache, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRecommendationCache.class);
    private static final TypeReference<List<Recommendation>> LIST = new TypeReference<>() {};

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private final ObjectMapper json;
    private final String prefix;
    private final Duration keepFor;

    RedisRecommendationCache(String url, String prefix, Duration keepFor, ObjectMapper json) {
        this.client = RedisClient.create(url);
        this.json = json;
        this.prefix = prefix + ":commerce:recommendations:";
        this.keepFor = keepFor;
    }

    /** Connected on first use (and again after a failure), so a node starts while Redis is away. */
    private StatefulRedisConnection<String, String> redis() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null || !c.isOpen()) {
            synchronized (this) {
                if (connection == null || !connection.isOpen()) {
                    connection = client.connect();
                }
                c = connection;
            }
        }
        return c;
    }

    private String key(UUID org, UUID customer) {
        return prefix + org + ":" + customer;
    }

    @Override
    public Optional<List<Recommendation>> get(UUID org, UUID customer) {
        try {
            String stored = redis().sync().get(key(org, customer));
            return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, LIST));
        } catch (RuntimeException e) {
            log.warn("Redis unreachable for recommendations; computing them instead: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void put(UUID org, UUID customer, List<Recommendation> recommendations) {
        try {
            redis().sync().psetex(key(org, customer), keepFor.toMillis(), json.writeValueAsString(recommendations));
        } catch (RuntimeException e) {
            log.warn("Redis unreachable for recommendations; not kept: {}", e.toString());
        }
    }

    @Override
    public void forget(UUID org, UUID customer) {
        try {
            redis().sync().del(key(org, customer));
        } catch (RuntimeException e) {
            log.warn("Redis unreachable; a client's recommendations stay until they expire: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
