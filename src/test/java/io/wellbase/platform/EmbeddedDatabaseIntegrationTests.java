package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.Wellbase;
import io.wellbase.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no external database configured the server runs on embedded PostgreSQL, keeps its data in
 * the data directory across restarts, and seeds the demo studio, whose owner can sign in.
 */
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Wellbase.class).run(
                "--server.port=0",
                "--wellbase.platform.db.url=",
                "--wellbase.platform.db.embedded-data-dir=" + dataDir.resolve("pgdata"),
                "--wellbase.identity.argon2.memory-kib=1024",
                "--wellbase.identity.argon2.iterations=1",
                "--db-scheduler.enabled=false",
                "--spring.jmx.enabled=false",
                "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void dataSurvivesARestartAndTheDemoOwnerSignsIn() {
        String email = "restart-" + System.nanoTime() + "@example.test";
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            Api.Response demo = api.post("/api/v1/auth/login",
                    "{\"email\":\"owner@demo.wellbase.dev\",\"password\":\"Demo-Studio-2026!\"}", null);
            assertThat(demo.status()).as(demo.toString()).isEqualTo(200);
            assertThat(demo.field("user.role")).isEqualTo("owner");
            Api.Response locations = api.get("/api/v1/locations", demo.field("accessToken"));
            assertThat(locations.json().path("pagination").path("total").asInt()).isEqualTo(2);
            assertThat(api.post("/api/v1/auth/register", "{\"email\":\"" + email
                    + "\",\"password\":\"correct-horse-battery\",\"firstName\":\"A\",\"lastName\":\"B\"}", null)
                    .status()).isEqualTo(201);
        }
        assertThat(Files.exists(dataDir.resolve("pgdata").resolve("PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            Api.Response login = api.post("/api/v1/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"correct-horse-battery\"}", null);
            assertThat(login.status()).as("the user registered before the restart").isEqualTo(200);
            Api.Response demo = api.post("/api/v1/auth/login",
                    "{\"email\":\"owner@demo.wellbase.dev\",\"password\":\"Demo-Studio-2026!\"}", null);
            Api.Response orgs = api.get("/api/v1/organizations", demo.field("accessToken"));
            assertThat(orgs.json().path("pagination").path("total").asInt())
                    .as("demo data is not duplicated on restart").isEqualTo(1);
        }
    }
}
