package io.wellbase.commerce.internal.routines;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.commerce.internal.Money;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Redis-kept recommendations on the local Redis ({@code WELLBASE_TEST_REDIS_URL}, by default
 * redis://127.0.0.1:6379; .ci/run starts it): two nodes share them, a new order dropped on one node is gone on the
 * other, they expire with the cache time, and a Redis that cannot be reached only means computing afresh.
 */
class RedisRecommendationCacheTests {

    private static String redisUrl() {
        return System.getenv().getOrDefault("WELLBASE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    }

    @Test
    void twoNodesShareTheCacheAndADropIsSeenByBoth() throws Exception {
        String prefix = "test-" + UUID.randomUUID();
        JsonMapper json = JsonMapper.builder().build();
        UUID org = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        List<Recommendation> list = List.of(new Recommendation(
                UUID.randomUUID(),
                "S-1",
                "Serum",
                new Money(3990, "EUR"),
                "replenish",
                "You bought this 55 days ago",
                0.96));
        try (var a = new RedisRecommendationCache(redisUrl(), prefix, Duration.ofMillis(800), json);
                var b = new RedisRecommendationCache(redisUrl(), prefix, Duration.ofMillis(800), json)) {
            assertThat(a.get(org, client)).isEmpty();
            a.put(org, client, list);
            assertThat(b.get(org, client)).contains(list);
            b.forget(org, client);
            assertThat(a.get(org, client)).isEmpty();
            a.put(org, client, list);
            Thread.sleep(1200);
            assertThat(b.get(org, client)).as("expired with the cache time").isEmpty();
        }
    }

    @Test
    void anUnreachableRedisMeansComputingAfresh() {
        try (var down = new RedisRecommendationCache(
                "redis://127.0.0.1:1?timeout=200ms",
                "x",
                Duration.ofMinutes(1),
                JsonMapper.builder().build())) {
            UUID org = UUID.randomUUID();
            down.put(org, org, List.of(new Recommendation(org, "S", "S", new Money(1, "EUR"), "profile", "x", 0.6)));
            assertThat(down.get(org, org)).isEmpty();
            down.forget(org, org);
        }
    }
}
