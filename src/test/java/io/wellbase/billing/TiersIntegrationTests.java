package io.wellbase.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Platform tiers: a self-hosted organization has everything; one the operator put on the free tier is refused the
 * webhooks feature (402) and a second location (403), each problem naming what is missing, and sees its usage.
 */
class TiersIntegrationTests extends BillingTest {

    @Test
    void withoutATierEverythingIsUnlocked() {
        Owner owner = ownerWithOrganization("Self-hosted");
        Api.Response sub = api.get("/api/v1/subscription", owner.token());
        assertThat(sub.status()).isEqualTo(200);
        assertThat(sub.field("enforced")).isEqualTo("false");
        assertThat(sub.json().path("features")).hasSize(6);
        createLocation(owner.token(), "One", List.of());
        createLocation(owner.token(), "Two", List.of());
        Api.Response usage = api.get("/api/v1/usage", owner.token());
        var locations = usage.json()
                .valueStream()
                .filter(u -> u.path("limit").asString().equals("locations"))
                .findFirst()
                .orElseThrow();
        assertThat(locations.path("used").asLong()).isEqualTo(2);
        assertThat(locations.path("allowed").isMissingNode()
                        || locations.path("allowed").isNull())
                .isTrue();
    }

    @Test
    void theFreeTierRefusesAFeatureWith402AndALimitWith403() {
        Owner owner = ownerWithOrganization("Free tier");
        jdbc.sql("INSERT INTO organization_tiers (org_id, tier) VALUES (:o, 'free')")
                .param("o", owner.orgId())
                .update();
        Api.Response hook = api.post(
                "/api/v1/webhooks/endpoints",
                Map.of("url", "https://hooks.example.test/w", "events", List.of("booking.confirmed")),
                owner.token());
        assertThat(hook.status()).as(hook.toString()).isEqualTo(402);
        assertThat(hook.field("code")).isEqualTo("plan.feature_unavailable");
        assertThat(hook.field("feature")).isEqualTo("webhooks");
        createLocation(owner.token(), "Only", List.of());
        Api.Response second =
                api.post("/api/v1/locations", Map.of("name", "Second", "timezone", "Europe/Berlin"), owner.token());
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.field("code")).isEqualTo("plan.limit_reached");
        assertThat(second.field("limit")).isEqualTo("locations");
        assertThat(jdbc.sql("SELECT count(*) FROM locations WHERE org_id = :o")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Api.Response sub = api.get("/api/v1/subscription", owner.token());
        assertThat(sub.field("tier")).isEqualTo("free");
        assertThat(sub.json().path("features")).isEmpty();
        var seats = sub.json()
                .path("usage")
                .valueStream()
                .filter(u -> u.path("limit").asString().equals("staff_seats"))
                .findFirst()
                .orElseThrow();
        assertThat(seats.path("used").asLong()).isEqualTo(1);
        assertThat(seats.path("allowed").asLong()).isEqualTo(2);
    }

    @Test
    void theFreeTierRefusesCardPaymentsQuestionsImportsAndTheFiftyFirstActiveClient() {
        Owner owner = connectedOwner("Free features");
        jdbc.sql("INSERT INTO organization_tiers (org_id, tier) VALUES (:o, 'free')")
                .param("o", owner.orgId())
                .update();
        UUID client = client(owner, "Fran");
        Api.Response card = pay(
                owner,
                Map.of(
                        "amount",
                        1000,
                        "description",
                        "x",
                        "clientId",
                        client,
                        "method",
                        "card",
                        "paymentMethodId",
                        "pm_card_visa"),
                null);
        assertThat(card.status()).isEqualTo(402);
        assertThat(card.field("feature")).isEqualTo("online_payments");
        assertThat(pay(owner, Map.of("amount", 1000, "description", "x", "clientId", client, "method", "cash"), null)
                        .status())
                .isEqualTo(201);
        Api.Response ask =
                api.post("/api/v1/insights/ask", Map.of("question", "How many bookings last week?"), owner.token());
        assertThat(ask.status()).isEqualTo(402);
        assertThat(ask.field("feature")).isEqualTo("ai_questions");
        Api.Response imported = api.upload(
                "/api/v1/imports",
                Map.of("kind", "clients"),
                "clients.csv",
                "First Name,Last Name\nAda,Lovelace\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                owner.token());
        assertThat(imported.status()).isEqualTo(402);
        assertThat(imported.field("feature")).isEqualTo("data_import");
        // 49 more active clients fill the free tier's 50
        jdbc.sql("""
                INSERT INTO clients (id, org_id, first_name, last_name)
                SELECT gen_random_uuid(), :o, 'Filler', 'F' || g FROM generate_series(1, 49) g
                """).param("o", owner.orgId()).update();
        Api.Response fiftyFirst =
                api.post("/api/v1/clients", Map.of("firstName", "One", "lastName", "Toomany"), owner.token());
        assertThat(fiftyFirst.status()).isEqualTo(403);
        assertThat(fiftyFirst.field("limit")).isEqualTo("active_clients");
        Api.Response lead = api.post(
                "/api/v1/clients", Map.of("firstName", "A", "lastName", "Lead", "status", "lead"), owner.token());
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
    }

    @Test
    void questionsAreCountedAgainstTheMonthlyAllowance() {
        Owner owner = ownerWithOrganization("Questions");
        jdbc.sql("INSERT INTO organization_tiers (org_id, tier) VALUES (:o, 'studio')")
                .param("o", owner.orgId())
                .update();
        Api.Response ask =
                api.post("/api/v1/insights/ask", Map.of("question", "How many bookings last week?"), owner.token());
        assertThat(ask.status()).as(ask.toString()).isEqualTo(200);
        var questions = api.get("/api/v1/usage", owner.token())
                .json()
                .valueStream()
                .filter(u -> u.path("limit").asString().equals("ai_questions_per_month"))
                .findFirst()
                .orElseThrow();
        assertThat(questions.path("used").asLong()).isEqualTo(1);
        assertThat(questions.path("allowed").asLong()).isEqualTo(100);
        jdbc.sql("UPDATE insight_question_counts SET questions = 100 WHERE org_id = :o")
                .param("o", owner.orgId())
                .update();
        Api.Response over =
                api.post("/api/v1/insights/ask", Map.of("question", "How many bookings last week?"), owner.token());
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.field("limit")).isEqualTo("ai_questions_per_month");
    }

    @Test
    void careEndpointsNeedTheCareFeatureButAClientsDataAndConsentStayReachable() {
        Owner owner = ownerWithOrganization("Free care");
        jdbc.sql("INSERT INTO organization_tiers (org_id, tier) VALUES (:o, 'free')")
                .param("o", owner.orgId())
                .update();
        for (String path : List.of("/api/v1/moods", "/api/v1/programs", "/api/v1/breathing/techniques")) {
            Api.Response refused = api.get(path, owner.token());
            assertThat(refused.status()).as(path + " " + refused).isEqualTo(402);
            assertThat(refused.field("feature")).isEqualTo("care");
        }
        assertThat(api.get("/api/v1/care/export", owner.token()).status()).isNotEqualTo(402);
        assertThat(api.get("/api/v1/care/sharing", owner.token()).status()).isNotEqualTo(402);
        Owner unlocked = ownerWithOrganization("Self-hosted care");
        assertThat(api.get("/api/v1/moods", unlocked.token()).status()).isNotEqualTo(402);
    }

    @Test
    void anImportThatWouldPassTheActiveClientsLimitImportsNothingAndSaysWhy() {
        Owner owner = ownerWithOrganization("Import limit");
        jdbc.sql("INSERT INTO organization_tiers (org_id, tier) VALUES (:o, 'studio')")
                .param("o", owner.orgId())
                .update();
        jdbc.sql("""
                INSERT INTO clients (id, org_id, first_name, last_name)
                SELECT gen_random_uuid(), :o, 'Filler', 'F' || g FROM generate_series(1, 998) g
                """).param("o", owner.orgId()).update();
        String three = "Client ID,First Name,Last Name,Status\nL-1,Ada,One,Active\nL-2,Bo,Two,\nL-3,Cy,Three,Active\n";
        Api.Response failed = awaitImport(owner, three);
        assertThat(failed.field("status")).isEqualTo("failed");
        assertThat(failed.field("error")).contains("3 active_clients").contains("room for 2 more");
        assertThat(activeClients(owner)).isEqualTo(998);
        String twoAndALead =
                "Client ID,First Name,Last Name,Status\nL-1,Ada,One,Active\nL-2,Bo,Two,Lead\n" + "L-3,Cy,Three,\n";
        Api.Response done = awaitImport(owner, twoAndALead);
        assertThat(done.field("status")).as(done.toString()).isEqualTo("completed");
        assertThat(activeClients(owner)).isEqualTo(1000);
    }

    private long activeClients(Owner owner) {
        return jdbc.sql("SELECT count(*) FROM clients WHERE org_id = :o AND status = 'active'")
                .param("o", owner.orgId())
                .query(Long.class)
                .single();
    }

    private Api.Response awaitImport(Owner owner, String csv) {
        Api.Response started = api.upload(
                "/api/v1/imports",
                Map.of("kind", "clients"),
                "clients.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                owner.token());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        for (int i = 0; i < 300; i++) {
            Api.Response job = api.get("/api/v1/imports/" + started.id(), owner.token());
            if (!List.of("queued", "processing").contains(job.field("status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the import did not finish");
    }
}
