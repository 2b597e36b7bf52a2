package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.wellbase.Wellbase;
import io.wellbase.support.Api;
import io.wellbase.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application contexts (two nodes) on the local Redis share one limit: a caller's budget spent
 * on node A is gone on node B. Redis is found at {@code WELLBASE_TEST_REDIS_URL}, by default
 * redis://127.0.0.1:6379 (bin/test starts it where it is installed and not running).
 */
class SharedRateLimitIntegrationTests {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    private static String redisUrl() {
        return System.getenv().getOrDefault("WELLBASE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    }

    private int startNode(String namespace) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Wellbase.class)
                .run(
                        "--server.port=0",
                        "--wellbase.platform.db.url=" + TestDatabase.url(),
                        "--wellbase.platform.db.user=" + TestDatabase.user(),
                        "--wellbase.platform.db.password=" + TestDatabase.password(),
                        "--wellbase.platform.redis.url=" + redisUrl(),
                        "--wellbase.platform.redis.key-prefix=" + namespace,
                        "--wellbase.platform.demo.enabled=false",
                        "--wellbase.platform.rate-limits.anonymous-per-minute=6",
                        "--db-scheduler.enabled=false",
                        "--spring.jmx.enabled=false",
                        "--logging.level.root=WARN");
        nodes.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void twoNodesShareOneBudget() {
        RedisClient probe = RedisClient.create(redisUrl());
        try (var connection = probe.connect()) {
            assertThat(connection.sync().ping())
                    .as("Redis must run for this test")
                    .isEqualTo("PONG");
        } finally {
            probe.shutdown();
        }
        String namespace = "test-" + UUID.randomUUID();
        Api nodeA = new Api(startNode(namespace));
        Api nodeB = new Api(startNode(namespace));
        String body = "{\"email\":\"shared@example.test\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(nodeA.post("/api/v1/auth/password-reset", body, null).status())
                    .isEqualTo(202);
            assertThat(nodeB.post("/api/v1/auth/password-reset", body, null).status())
                    .isEqualTo(202);
        }
        Api.Response limitedOnA = nodeA.post("/api/v1/auth/password-reset", body, null);
        Api.Response limitedOnB = nodeB.post("/api/v1/auth/password-reset", body, null);
        assertThat(limitedOnA.status()).isEqualTo(429);
        assertThat(limitedOnB.status()).isEqualTo(429);
        assertThat(limitedOnB.header("Retry-After")).isNotBlank();
    }

    @Test
    void theHealthEndpointPingsTheConfiguredRedis() {
        Api node = new Api(startNode("test-" + UUID.randomUUID()));
        Api.Response health = node.get("/api/v1/health", null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.field("checks.redis")).isEqualTo("UP");
        assertThat(health.field("checks.database")).isEqualTo("UP");
    }
}
