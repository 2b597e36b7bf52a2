package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import io.wellbase.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * While the database refuses connections, every request that needs it answers 503 with Retry-After
 * (controllers, transactions, the idempotency filter), and the server recovers by itself afterwards.
 */
class DatabaseOutageIntegrationTests extends IntegrationTest {

    @Test
    void anOutageAnswers503EverywhereAndTheServerRecovers() throws Exception {
        Owner owner = ownerWithOrganization("Outage studio");
        String database =
                jdbc.sql("SELECT current_database()").query(String.class).single();
        try (Connection admin = DriverManager.getConnection(
                TestDatabase.url().replace("/" + database, "/postgres"),
                TestDatabase.user(),
                TestDatabase.password())) {
            admin.createStatement().execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
            try {
                admin.createStatement()
                        .execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity " + "WHERE datname = '"
                                + database + "'");
                Api.Response list = api.get("/api/v1/clients", owner.token());
                assertOutage(list);
                Api.Response create =
                        api.post("/api/v1/clients", Map.of("firstName", "Out", "lastName", "Age"), owner.token());
                assertOutage(create);
                Api.Response idempotent = api.send(
                        "POST",
                        "/api/v1/clients",
                        Map.of("firstName", "Idem", "lastName", "Age"),
                        owner.token(),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                assertOutage(idempotent);
            } finally {
                admin.createStatement().execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
            }
        }
        // the pool replaces its broken connections by itself: no restart, within seconds
        Api.Response after = api.get("/api/v1/clients", owner.token());
        for (int i = 0; i < 50 && after.status() == 503; i++) {
            Thread.sleep(200);
            after = api.get("/api/v1/clients", owner.token());
        }
        assertThat(after.status()).as("recovered without a restart").isEqualTo(200);
        assertThat(api.post("/api/v1/clients", Map.of("firstName", "Back", "lastName", "Again"), owner.token())
                        .status())
                .isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM clients WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Integer.class)
                        .single())
                .as("nothing was written during the outage")
                .isEqualTo(1);
    }

    private static void assertOutage(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.field("code")).isEqualTo("dependency.database_unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
}
