package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wellbase.Wellbase;
import io.wellbase.platform.internal.db.DatabaseBackup;
import io.wellbase.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * With no external database configured the server runs on embedded PostgreSQL, keeps its data in
 * the data directory across restarts, and seeds the demo studio, whose owner can sign in and finds
 * its clients, plans, memberships and sales; a restart adds nothing twice.
 */
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return start(dataDir);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Wellbase.class)
                .run(
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
        List<Integer> demoCounts;
        String email = "restart-" + System.nanoTime() + "@example.test";
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            Api.Response demo = api.post(
                    "/api/v1/auth/login",
                    "{\"email\":\"owner@demo.wellbase.dev\",\"password\":\"Demo-Studio-2026!\"}",
                    null);
            assertThat(demo.status()).as(demo.toString()).isEqualTo(200);
            assertThat(demo.field("user.role")).isEqualTo("owner");
            String token = demo.field("accessToken");
            Api.Response locations = api.get("/api/v1/locations", token);
            assertThat(locations.json().path("pagination").path("total").asInt())
                    .isEqualTo(2);
            demoCounts = demoData(api, token);
            assertThat(api.post(
                                    "/api/v1/auth/register",
                                    "{\"email\":\"" + email
                                            + "\",\"password\":\"correct-horse-battery\",\"firstName\":\"A\",\"lastName\":\"B\"}",
                                    null)
                            .status())
                    .isEqualTo(201);
        }
        assertThat(Files.exists(dataDir.resolve("pgdata").resolve("PG_VERSION")))
                .isTrue();
        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            Api.Response login = api.post(
                    "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"correct-horse-battery\"}", null);
            assertThat(login.status())
                    .as("the user registered before the restart")
                    .isEqualTo(200);
            Api.Response demo = api.post(
                    "/api/v1/auth/login",
                    "{\"email\":\"owner@demo.wellbase.dev\",\"password\":\"Demo-Studio-2026!\"}",
                    null);
            Api.Response orgs = api.get("/api/v1/organizations", demo.field("accessToken"));
            assertThat(orgs.json().path("pagination").path("total").asInt())
                    .as("demo data is not duplicated on restart")
                    .isEqualTo(1);
            assertThat(counts(api, demo.field("accessToken")))
                    .as("demo clients, plans and sales are not duplicated on restart")
                    .isEqualTo(demoCounts);
        }
    }

    @Test
    void theEmbeddedDatabaseIsDurableAndPasswordProtected() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single())
                    .isEqualTo("on");
            int pgPort =
                    jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
            String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url, "postgres", "").close())
                    .as("no password, no connection")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess")
                            .close())
                    .isInstanceOf(SQLException.class);
            Path secret = dataDir.resolve("secrets").resolve("db-password");
            String password = Files.readString(secret).strip();
            DriverManager.getConnection(url, "postgres", password).close();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dataDir.resolve("pgdata").resolve("pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#]*\\btrust\\s*$");
        }
    }

    @Test
    void aBackupTakenWhileTheServerRunsRestoresIntoANewDataDirectory(@TempDir Path restored) throws Exception {
        Path backup = dataDir.resolve("studio.wbk");
        String email = "backup-" + System.nanoTime() + "@example.test";
        List<Integer> before;
        try (ConfigurableApplicationContext running = start()) {
            Api api = new Api(port(running));
            assertThat(api.post(
                                    "/api/v1/auth/register",
                                    "{\"email\":\"" + email
                                            + "\",\"password\":\"correct-horse-battery\",\"firstName\":\"A\",\"lastName\":\"B\"}",
                                    null)
                            .status())
                    .isEqualTo(201);
            String token = api.post(
                            "/api/v1/auth/login",
                            "{\"email\":\"owner@demo.wellbase.dev\",\"password\":\"Demo-Studio-2026!\"}",
                            null)
                    .field("accessToken");
            before = counts(api, token);
            assertThat(DatabaseBackup.run(new String[] {"backup", backup.toString()}, db(dataDir)))
                    .isZero();
        }
        assertThat(Files.size(backup)).isPositive();
        assertThat(DatabaseBackup.run(new String[] {"restore", backup.toString()}, db(restored)))
                .isZero();
        assertThat(DatabaseBackup.run(new String[] {"restore", backup.toString()}, db(restored)))
                .as("a restore refuses a database that is not empty")
                .isEqualTo(1);
        try (ConfigurableApplicationContext again = start(restored)) {
            Api api = new Api(port(again));
            assertThat(api.post(
                                    "/api/v1/auth/login",
                                    "{\"email\":\"" + email + "\",\"password\":\"correct-horse-battery\"}",
                                    null)
                            .status())
                    .isEqualTo(200);
            String token = api.post(
                            "/api/v1/auth/login",
                            "{\"email\":\"owner@demo.wellbase.dev\",\"password\":\"Demo-Studio-2026!\"}",
                            null)
                    .field("accessToken");
            assertThat(counts(api, token))
                    .as("the same studio, nothing added twice")
                    .isEqualTo(before);
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryConnectionGetsThePasswordAtItsNextStart(@TempDir Path legacy) throws Exception {
        // what an earlier version left: a data directory made with trust authentication
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(legacy.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .start()
                .close();
        assertThat(Files.readString(legacy.resolve("pgdata").resolve("pg_hba.conf")))
                .containsPattern("(?m)^[^#]*trust\\s*$");
        try (ConfigurableApplicationContext context = start(legacy)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            int pgPort =
                    jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            assertThat(Files.readString(legacy.resolve("pgdata").resolve("pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#]*\\btrust\\s*$");
        }
        try (ConfigurableApplicationContext again = start(legacy)) {
            assertThat(again.getBean(JdbcClient.class)
                            .sql("SELECT 1")
                            .query(Integer.class)
                            .single())
                    .as("and it starts again with the password")
                    .isEqualTo(1);
        }
    }

    private static PlatformProperties.Db db(Path dataDir) {
        return new PlatformProperties.Db(
                null, null, null, dataDir.resolve("pgdata").toString(), 0, 2, 0, null, 1);
    }

    /** Checks the demo clients and memberships through the API; answers the counts. */
    private static List<Integer> demoData(Api api, String token) {
        List<Integer> counts = counts(api, token);
        assertThat(counts.get(0)).as("clients").isBetween(250, 400);
        assertThat(counts.get(1)).as("membership plans").isEqualTo(6);
        assertThat(counts.get(2)).as("sales").isGreaterThan(counts.get(0));
        assertThat(counts.get(3)).as("products").isEqualTo(10);
        assertThat(counts.get(4)).as("orders").isEqualTo(24);
        assertThat(api.get("/api/v1/inventory?lowStock=true", token)
                        .json()
                        .path("data")
                        .size())
                .as("a product near its low-stock threshold")
                .isPositive();
        JsonNode facets = api.get("/api/v1/clients/facets", token).json();
        for (String facet : List.of("status", "source", "tag", "plan")) {
            assertThat(facets.path(facet).size()).as(facet + " facet").isGreaterThan(1);
        }
        assertThat(api.get("/api/v1/clients/duplicates", token)
                        .json()
                        .path("data")
                        .size())
                .as("likely duplicates")
                .isGreaterThanOrEqualTo(4);
        JsonNode cancelled =
                api.get("/api/v1/clients?membershipState=cancelled", token).json();
        assertThat(cancelled.path("pagination").path("total").asInt())
                .as("cancelled memberships")
                .isPositive();

        LocalDate today = LocalDate.now();
        int memberships = 0;
        for (JsonNode client :
                api.get("/api/v1/clients?page_size=200", token).json().path("data")) {
            for (JsonNode m : api.get("/api/v1/clients/" + client.path("id").asString() + "/memberships", token)
                    .json()
                    .path("data")) {
                memberships++;
                String status = m.path("status").asString();
                LocalDate starts = LocalDate.parse(m.path("startsOn").asString());
                LocalDate ends = LocalDate.parse(m.path("endsOn").asString());
                String what = client.path("lastName").asString() + ": " + m;
                assertThat(ends).as(what).isAfterOrEqualTo(starts);
                if (List.of("active", "frozen").contains(status)) {
                    assertThat(ends)
                            .as("a current membership has not ended: " + what)
                            .isAfterOrEqualTo(today);
                    assertThat(starts).as(what).isBeforeOrEqualTo(today);
                } else if (status.equals("expired")) {
                    assertThat(ends)
                            .as("an expired membership has ended: " + what)
                            .isBefore(today);
                } else {
                    assertThat(status).as(what).isEqualTo("cancelled");
                }
                if (!m.path("creditsRemaining").isNull()) {
                    assertThat(m.path("creditsRemaining").asInt()).as(what).isNotNegative();
                    if (!status.equals("active")) {
                        assertThat(m.path("creditsRemaining").asInt())
                                .as("ended packs keep no credits: " + what)
                                .isZero();
                    }
                }
            }
        }
        assertThat(memberships).as("memberships of the first 200 clients").isGreaterThan(300);

        JsonNode upcoming = api.get(
                        "/api/v1/sessions?from="
                                + java.time.OffsetDateTime.now().toString().replace("+", "%2B") + "&page_size=200",
                        token)
                .json();
        assertThat(upcoming.path("pagination").path("total").asInt())
                .as("a timetable generated ahead")
                .isGreaterThan(100);
        JsonNode past = api.get(
                        "/api/v1/sessions?to="
                                + java.time.OffsetDateTime.now().toString().replace("+", "%2B") + "&page_size=1",
                        token)
                .json();
        assertThat(past.path("pagination").path("total").asInt())
                .as("a year of past classes")
                .isGreaterThan(400);
        String regular = api.get("/api/v1/clients?lastVisitAfter=" + today.minusDays(30) + "&page_size=1", token)
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asString();
        JsonNode visits = api.get("/api/v1/clients/" + regular + "/visits?page_size=200", token)
                .json()
                .path("data");
        assertThat(visits.findValuesAsString("status")).contains("attended");
        assertThat(api.get("/api/v1/services", token).json().path("data").size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/appointments", token).json().path("data").size())
                .as("upcoming appointments")
                .isEqualTo(6);
        return counts;
    }

    private static List<Integer> counts(Api api, String token) {
        return List.of(
                api.get("/api/v1/clients", token)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt(),
                api.get("/api/v1/membership-plans", token)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt(),
                api.get("/api/v1/sales", token)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt(),
                api.get("/api/v1/products", token)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt(),
                api.get("/api/v1/orders", token)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt());
    }
}
