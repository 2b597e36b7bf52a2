package io.wellbase.dataexchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import io.wellbase.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The Mindbody sync against a local stand-in of the Public API v6 (WireMock, Mindbody's paths, headers, paging and
 * error bodies): a site is connected only with credentials Mindbody accepts, a sync pages through clients (a 429
 * on the way is waited out), reads the visits of the classes since the last sync, the memberships and the sales,
 * and imports each through the importer; the next sync asks only for what changed; a webhook with a bad signature
 * changes nothing, a signed one queues a sync.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MindbodySyncIntegrationTests extends OrganizationTest {

    static final WireMockServer MINDBODY =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String SITE = "-99";
    static final String KEY = "mb-api-key";
    static final String TOKEN = "staff-user-token";
    static final String HOOK_KEY = "webhook-signature-key-123";

    static {
        MINDBODY.start();
    }

    @DynamicPropertySource
    static void mindbody(DynamicPropertyRegistry registry) {
        registry.add(
                "wellbase.dataexchange.mindbody.api-base", () -> "http://127.0.0.1:" + MINDBODY.port() + "/public/v6");
        registry.add("wellbase.dataexchange.mindbody.page-size", () -> "2");
        // the sync runs as this context's job, never as another context's without the stand-in
        TestDatabase.separateForThisContext();
    }

    @AfterAll
    void stop() {
        MINDBODY.stop();
    }

    private static String yesterday(String time) {
        return LocalDate.now().minusDays(1) + "T" + time;
    }

    private static void stubSite() {
        MINDBODY.stubFor(get(urlPathEqualTo("/public/v6/site/sites"))
                .withHeader("Api-Key", equalTo(KEY))
                .withHeader("SiteId", equalTo(SITE))
                .willReturn(json("{\"Sites\":[{\"Id\":-99,\"Name\":\"Sandbox\"}]}")));
        MINDBODY.stubFor(get(urlPathEqualTo("/public/v6/site/sites"))
                .withHeader("Api-Key", matching("(?!" + KEY + "$).*"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"Error\":{\"Message\":\"Invalid Api-Key\",\"Code\":\"DeniedAccess\"}}")));
    }

    private static void stubFirstSync() {
        // the first page is refused once with 429, then answered
        MINDBODY.stubFor(get(urlPathEqualTo("/public/v6/client/clients"))
                .inScenario("rate")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("answered"));
        MINDBODY.stubFor(get(urlPathEqualTo("/public/v6/client/clients"))
                .inScenario("rate")
                .whenScenarioStateIs("answered")
                .withQueryParam("request.offset", equalTo("0"))
                .withQueryParam("request.lastModifiedDate", absent())
                .withHeader("Authorization", equalTo(TOKEN))
                .willReturn(json("""
                        {"PaginationResponse":{"RequestedLimit":2,"RequestedOffset":0,"PageSize":2,"TotalResults":3},
                         "Clients":[
                          {"Id":"100001","FirstName":"Ada","LastName":"Mindbody","Email":"ada@mb.example.test",
                           "MobilePhone":"+4915100000001","BirthDate":"1990-04-01T00:00:00","Active":true,
                           "CreationDate":"2024-01-02T10:00:00"},
                          {"Id":"100002","FirstName":"Bo","LastName":"Mindbody","Active":true}]}""")));
        MINDBODY.stubFor(get(urlPathEqualTo("/public/v6/client/clients"))
                .inScenario("rate")
                .whenScenarioStateIs("answered")
                .withQueryParam("request.offset", equalTo("2"))
                .willReturn(json("""
                        {"PaginationResponse":{"RequestedLimit":2,"RequestedOffset":2,"PageSize":1,"TotalResults":3},
                         "Clients":[{"Id":"100003","FirstName":"Cy","LastName":"Mindbody","Active":false}]}""")));
        MINDBODY.stubFor(
                get(urlPathEqualTo("/public/v6/class/classes")).willReturn(json("""
                        {"PaginationResponse":{"TotalResults":1},
                         "Classes":[{"Id":501,"StartDateTime":"%s","ClassDescription":{"Name":"Vinyasa Flow"},
                                     "Staff":{"FirstName":"Maya","LastName":"Lind"},"Location":{"Name":"Main"}}]}""".formatted(yesterday("18:00:00")))));
        MINDBODY.stubFor(get(urlPathEqualTo("/public/v6/class/classvisits"))
                .withQueryParam("request.classID", equalTo("501"))
                .willReturn(json("""
                        {"Class":{"Id":501,"Visits":[
                          {"Id":9001,"ClientId":"100001","StartDateTime":"%1$s","SignedIn":true,"LateCancelled":false},
                          {"Id":9002,"ClientId":"100002","StartDateTime":"%1$s","SignedIn":false,"LateCancelled":true}]}}""".formatted(yesterday("18:00:00")))));
        MINDBODY.stubFor(get(urlPathEqualTo("/public/v6/client/activeclientsmemberships"))
                .willReturn(json("""
                        {"PaginationResponse":{"TotalResults":1},
                         "ClientMemberships":[{"ClientId":"100001","Memberships":[
                          {"Id":7001,"Name":"10 Class Pack","ActiveDate":"%s","ExpirationDate":"%s",
                           "Remaining":7,"Current":true}]}]}""".formatted(
                                LocalDate.now().minusDays(10) + "T00:00:00",
                                LocalDate.now().plusDays(80) + "T00:00:00"))));
        MINDBODY.stubFor(
                get(urlPathEqualTo("/public/v6/sale/sales")).willReturn(json("""
                        {"PaginationResponse":{"TotalResults":1},
                         "Sales":[{"Id":8001,"SaleDateTime":"%s","ClientId":"100001",
                                   "PurchasedItems":[{"Description":"10 Class Pack","Quantity":1,"TotalAmount":150.00}],
                                   "Payments":[{"Type":"Cash","Amount":150.00}]}]}""".formatted(yesterday("09:30:00")))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private Api.Response connect(Owner owner, String key) {
        return api.put(
                "/api/v1/integrations/mindbody",
                Map.of("siteId", SITE, "apiKey", key, "staffToken", TOKEN, "webhookSignatureKey", HOOK_KEY),
                owner.token());
    }

    private JsonNode awaitSync(Owner owner, String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode sync = api.get("/api/v1/integrations/mindbody/syncs/" + id, owner.token())
                    .json();
            String status = sync.path("status").asString();
            if (status.equals("completed") || status.equals("failed")) {
                return sync;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sync did not finish");
    }

    private long count(String sql, UUID org) {
        return jdbc.sql(sql).param("o", org).query(Long.class).single();
    }

    @Test
    void aSyncImportsClientsVisitsMembershipsAndSalesThenOnlyWhatChanged() throws Exception {
        stubSite();
        stubFirstSync();
        Owner owner = ownerWithOrganization("Mindbody Studio");
        Api.Response refused = connect(owner, "wrong-key");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.field("code")).isEqualTo("mindbody.credentials_rejected");
        assertThat(api.get("/api/v1/integrations/mindbody", owner.token()).status())
                .isEqualTo(404);

        Api.Response connected = connect(owner, KEY);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.field("siteId")).isEqualTo(SITE);
        assertThat(connected.text()).doesNotContain(KEY).doesNotContain(TOKEN).doesNotContain(HOOK_KEY);
        byte[] stored = jdbc.sql("SELECT api_key FROM mindbody_connections WHERE org_id = :o")
                .param("o", owner.orgId())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);

        Api.Response started = api.post("/api/v1/integrations/mindbody/syncs", Map.of(), owner.token());
        assertThat(started.status()).isEqualTo(202);
        JsonNode sync = awaitSync(owner, started.field("id"));
        assertThat(sync.path("status").asString()).as(sync.toString()).isEqualTo("completed");
        assertThat(sync.path("steps").findValuesAsString("kind"))
                .containsExactly("clients", "visits", "memberships", "sales");
        assertThat(sync.path("steps").findValuesAsString("status")).containsOnly("completed");
        // clients: the refused first page, the page again and the second page; then classes, the class's visits,
        // memberships and sales
        assertThat(sync.path("requests").asInt()).isEqualTo(7);
        MINDBODY.verify(3, getRequestedFor(urlPathEqualTo("/public/v6/client/clients")));
        String clientsImport = sync.path("steps").get(0).path("importId").asString();
        assertThat(api.get("/api/v1/imports/" + clientsImport, owner.token()).field("kind"))
                .isEqualTo("clients");

        UUID org = owner.orgId();
        assertThat(count("SELECT count(*) FROM clients WHERE org_id = :o AND last_name = 'Mindbody'", org))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM bookings WHERE org_id = :o AND status = 'attended'", org))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM bookings WHERE org_id = :o AND status = 'late_cancelled'", org))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM client_memberships WHERE org_id = :o", org))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sales WHERE org_id = :o", org)).isEqualTo(1);

        // the next sync asks for clients changed since, and updates the one that changed
        MINDBODY.resetRequests();
        MINDBODY.stubFor(get(urlPathEqualTo("/public/v6/client/clients"))
                .atPriority(1)
                .withQueryParam("request.lastModifiedDate", matching(".+"))
                .willReturn(json("""
                        {"PaginationResponse":{"TotalResults":1},
                         "Clients":[{"Id":"100002","FirstName":"Bob","LastName":"Mindbody","Active":true}]}""")));
        JsonNode second = awaitSync(
                owner,
                api.post("/api/v1/integrations/mindbody/syncs", Map.of(), owner.token())
                        .field("id"));
        assertThat(second.path("status").asString()).as(second.toString()).isEqualTo("completed");
        assertThat(second.path("steps").get(0).path("updated").asLong()).isEqualTo(1);
        assertThat(second.path("steps").get(0).path("created").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM clients WHERE org_id = :o AND first_name = 'Bob'", org))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM bookings WHERE org_id = :o", org))
                .as("visits again: no duplicates")
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM sales WHERE org_id = :o", org)).isEqualTo(1);
        MINDBODY.verify(getRequestedFor(urlPathEqualTo("/public/v6/client/clients"))
                .withQueryParam("request.lastModifiedDate", matching(".+")));

        assertThat(api.send("HEAD", "/api/v1/integrations/mindbody/webhook", null, null, Map.of())
                        .status())
                .isEqualTo(200);
        // webhooks: a bad signature changes nothing, a signed one queues a sync
        String event =
                "{\"eventId\":\"client.updated\",\"eventData\":{\"siteId\":" + SITE + ",\"clientId\":\"100001\"}}";
        long syncsBefore = count("SELECT count(*) FROM mindbody_syncs WHERE org_id = :o", org);
        Api.Response bad = api.send(
                "POST",
                "/api/v1/integrations/mindbody/webhook",
                event,
                null,
                Map.of("X-Mindbody-Signature", "sha256=AAAA"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field("code")).isEqualTo("mindbody.bad_signature");
        assertThat(count("SELECT count(*) FROM mindbody_syncs WHERE org_id = :o", org))
                .isEqualTo(syncsBefore);
        Api.Response good = api.send(
                "POST",
                "/api/v1/integrations/mindbody/webhook",
                event,
                null,
                Map.of("X-Mindbody-Signature", sign(event)));
        assertThat(good.status()).as(good.toString()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM mindbody_syncs WHERE org_id = :o AND trigger = 'webhook'", org))
                .isEqualTo(1);

        Owner rival = ownerWithOrganization("Other Mindbody Studio");
        Api.Response taken = connect(rival, KEY);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.field("code")).isEqualTo("mindbody.site_connected_elsewhere");

        Member staff = memberWithRole(owner, "staff");
        assertThat(api.get("/api/v1/integrations/mindbody", staff.token()).status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/integrations/mindbody", owner.token()).status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/integrations/mindbody/syncs", Map.of(), owner.token())
                        .field("code"))
                .isEqualTo("mindbody.not_connected");
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HOOK_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
