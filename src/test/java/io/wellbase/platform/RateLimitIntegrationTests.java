package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Per-caller limits in memory: the anonymous class answers 429 with Retry-After and RateLimit headers
 * once its bucket is empty.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "wellbase.platform.demo.enabled=false",
            "wellbase.platform.rate-limits.anonymous-per-minute=5",
            "wellbase.platform.rate-limits.authenticated-per-minute=7",
            "db-scheduler.enabled=false",
            "wellbase.platform.metrics.password=scrape-secret",
            "logging.level.io.wellbase=WARN"
        })
@DirtiesContext
class RateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("wellbase.platform.db.url", TestDatabase::url);
        registry.add("wellbase.platform.db.user", TestDatabase::user);
        registry.add("wellbase.platform.db.password", TestDatabase::password);
    }

    @Test
    void anonymousCallersGet429AfterTheirBudget() {
        Api api = new Api(port);
        for (int i = 0; i < 5; i++) {
            Api.Response ok = api.post("/api/v1/auth/password-reset", "{\"email\":\"x@example.test\"}", null);
            assertThat(ok.status()).isEqualTo(202);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(String.valueOf(4 - i));
        }
        Api.Response limited = api.post("/api/v1/auth/password-reset", "{\"email\":\"x@example.test\"}", null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.field("code")).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(api.get("/actuator/health", null).status())
                .as("health is not rate limited")
                .isEqualTo(200);
    }

    @Test
    void requestsWithInvalidBearerTokensAreLimitedPerAddress() {
        Api api = new Api(port);
        for (int i = 0; i < 5; i++) {
            Api.Response rejected = api.get("/api/v1/clients", "not-a-token-" + i);
            assertThat(rejected.status()).isEqualTo(401);
            assertThat(rejected.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
            assertThat(rejected.field("code")).isEqualTo("auth.invalid_token");
        }
        Api.Response limited = api.get("/api/v1/clients", "not-a-token-6");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    @Test
    void prometheusAnswersOnlyToTheScrapeCredentials() {
        Api api = new Api(port);
        Api.Response anonymous = api.get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.text()).doesNotContain("http_server_requests");
        String wrong = java.util.Base64.getEncoder().encodeToString("prometheus:guess".getBytes());
        assertThat(api.send(
                                "GET",
                                "/actuator/prometheus",
                                null,
                                null,
                                java.util.Map.of("Authorization", "Basic " + wrong))
                        .status())
                .isEqualTo(401);
        String right = java.util.Base64.getEncoder().encodeToString("prometheus:scrape-secret".getBytes());
        Api.Response scraped = api.send(
                "GET", "/actuator/prometheus", null, null, java.util.Map.of("Authorization", "Basic " + right));
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.text()).contains("jvm_memory_used_bytes");
    }
}
