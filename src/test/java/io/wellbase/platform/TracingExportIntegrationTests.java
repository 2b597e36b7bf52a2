package io.wellbase.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wellbase.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With tracing switched on, a request's span reaches the OTLP/HTTP collector (a local stand-in) as protobuf,
 * named after the service. Off by default: every other test context runs without a tracer.
 */
@DirtiesContext
class TracingExportIntegrationTests extends IntegrationTest {

    static final WireMockServer COLLECTOR = start();

    static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        return server;
    }

    @DynamicPropertySource
    static void tracing(DynamicPropertyRegistry registry) {
        registry.add("db-scheduler.enabled", () -> "false");
        registry.add("management.tracing.enabled", () -> "true");
        registry.add("management.tracing.export.enabled", () -> "true");
        registry.add("management.tracing.sampling.probability", () -> "1.0");
        registry.add(
                "management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.port() + "/v1/traces");
    }

    @AfterAll
    static void stop() {
        COLLECTOR.stop();
    }

    @Test
    void aRequestsSpanReachesTheCollector() throws Exception {
        assertThat(api.get("/api/v1/version", null).status()).isEqualTo(200);
        List<LoggedRequest> exports = List.of();
        for (int i = 0; i < 150 && exports.isEmpty(); i++) {
            Thread.sleep(100);
            exports = COLLECTOR.findAll(postRequestedFor(urlEqualTo("/v1/traces")));
        }
        assertThat(exports).as("spans exported within 15 s").isNotEmpty();
        LoggedRequest export = exports.getFirst();
        assertThat(export.getHeader("Content-Type")).isEqualTo("application/x-protobuf");
        String body = new String(export.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("wellbase").contains("/api/v1/version");
    }
}
