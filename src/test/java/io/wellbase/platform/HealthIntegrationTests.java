package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/health}: public, the database and the file storage checked, Redis unknown when not configured. */
class HealthIntegrationTests extends IntegrationTest {

    @Test
    void theDependenciesAreCheckedWithoutAToken() {
        Api.Response r = api.get("/api/v1/health", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.field("status")).isEqualTo("UP");
        assertThat(r.field("checks.database")).isEqualTo("UP");
        assertThat(r.field("checks.storage")).isEqualTo("UP");
        assertThat(r.field("checks.redis")).isEqualTo("UNKNOWN");
        Api.Response actuator = api.get("/actuator/health", null);
        assertThat(actuator.field("status")).isEqualTo("UP");
    }
}
