package io.wellbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class SmokeIntegrationTests extends IntegrationTest {

    @Test
    void healthDocsAndJwksAreUp() {
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.field("openapi")).startsWith("3.1");
        assertThat(docs.json()
                        .path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(api.get("/docs", null).status()).isIn(200, 302);
        assertThat(api.get("/.well-known/jwks.json", null).json().path("keys").size())
                .isGreaterThan(0);
    }

    @Test
    void metricsAreNotPublicWithoutScrapeCredentials() {
        Api.Response metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(401);
        assertThat(metrics.header("Content-Type")).startsWith("application/problem+json");
        assertThat(metrics.text()).doesNotContain("hikaricp");
    }

    @Test
    void infoSaysWhichBuildAndCommitIsRunning() {
        Api.Response info = api.get("/actuator/info", null);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.field("build.version")).isNotBlank();
        assertThat(info.field("build.artifact")).isEqualTo("wellbase");
        assertThat(info.field("git.commit.id")).as(info.toString()).matches("[0-9a-f]{7,40}");
    }

    @Test
    void theJobSchedulerReportsItsHealthAndMetrics(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeanNamesForType(org.springframework.boot.health.contributor.HealthIndicator.class))
                .as("db-scheduler's Spring Boot 4 starter contributes its health")
                .anyMatch(n -> n.toLowerCase().contains("scheduler"));
        assertThat(context.getBeansOfType(com.github.kagkarlsson.scheduler.stats.StatsRegistry.class)
                        .values())
                .as("and records metrics in Micrometer")
                .anyMatch(r -> r.getClass().getSimpleName().contains("Micrometer"));
    }
}
