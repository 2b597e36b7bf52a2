package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A browser front end on the allowed origin may call the API; another origin may not. */
class CorsIntegrationTests extends IntegrationTest {

    private static final String ALLOWED = "https://app.example.test";

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredWithItsRights() {
        Api.Response preflight = api.send(
                "OPTIONS",
                "/api/v1/clients",
                null,
                null,
                Map.of(
                        "Origin",
                        ALLOWED,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "authorization,content-type"));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("3600");
    }

    @Test
    void aCallFromTheAllowedOriginSeesTheExposedHeaders() {
        Owner owner = ownerWithOrganization("Cors Studio");
        Api.Response response = api.send("GET", "/api/v1/clients", null, owner.token(), Map.of("Origin", ALLOWED));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void anotherOriginIsRefusedAndGetsNoRights() {
        Api.Response preflight = api.send(
                "OPTIONS",
                "/api/v1/clients",
                null,
                null,
                Map.of("Origin", "https://evil.example.test", "Access-Control-Request-Method", "POST"));
        Owner owner = ownerWithOrganization("Cors Studio Two");
        Api.Response call =
                api.send("GET", "/api/v1/clients", null, owner.token(), Map.of("Origin", "https://evil.example.test"));

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(call.status()).isEqualTo(403);
        assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void outsideTheApiNoOriginIsGivenRights() {
        Api.Response response = api.send("GET", "/actuator/health", null, null, Map.of("Origin", ALLOWED));

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
