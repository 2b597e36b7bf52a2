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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "wellbase.platform.demo.enabled=false",
    "wellbase.platform.rate-limits.anonymous-per-minute=5",
    "wellbase.platform.rate-limits.authenticated-per-minute=7",
    "db-scheduler.enabled=false",
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
                .as("health is not rate limited").isEqualTo(200);
    }
}
