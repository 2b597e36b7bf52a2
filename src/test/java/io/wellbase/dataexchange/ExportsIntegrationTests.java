package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExportsIntegrationTests extends ImportTest {

    static final String CLIENTS = "Client ID,First Name,Last Name,Email,Address,Birth Date\n"
            + "E-1,Anna,\"Berg, Jr.\",anna@example.test,\"1 \"\"Quiet\"\" Lane\nBack house\",1990-03-14\n"
            + "E-2,\"=HYPERLINK(\"\"x\"\")\",Cole,ben@example.test,,\n"
            + "E-3,Zoë,Ångström,zoe@example.test,,2001-12-31\n";

    static final String VISITS = "Visit ID,Client ID,Visit Date,Visit Time,Class Name,Location,Late Cancel,No Show\n"
            + "V-1,E-1,2026-03-02,18:30,Vinyasa Flow,Downtown,No,No\n"
            + "V-2,E-2,2026-03-02,18:30,Vinyasa Flow,Downtown,Yes,No\n"
            + "V-3,E-3,2026-03-03,07:00,Pilates,Uptown,No,Yes\n";

    private Owner studio(String name) {
        Owner owner = ownerWithOrganization(name);
        importAndWait(owner.token(), "clients", "c.csv", CLIENTS.getBytes(StandardCharsets.UTF_8), Map.of());
        importAndWait(owner.token(), "visits", "v.csv", VISITS.getBytes(StandardCharsets.UTF_8), Map.of());
        return owner;
    }

    @Test
    void csvAndJsonCarryTheImportersColumnsAndSurviveNastyValues() {
        Owner owner = studio("Export Studio");
        Api.Response csv = api.get("/api/v1/exports?type=clients&format=csv", owner.token());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("clients-").contains(".csv");
        String text = csv.text().replace("\ufeff", "");
        assertThat(text).startsWith(String.join(",", io.wellbase.dataexchange.internal.ExchangeColumns.CLIENTS) + "\r\n");
        assertThat(text).contains("E-1,Anna,\"Berg, Jr.\",anna@example.test,,,1990-03-14,,\"1 \"\"Quiet\"\" Lane\nBack house\"");
        assertThat(text).contains("E-2,\"'=HYPERLINK(\"\"x\"\")\",Cole");
        assertThat(text).contains("E-3,Zoë,Ångström");

        JsonNode json = api.get("/api/v1/exports?type=visits&format=json", owner.token()).json();
        assertThat(json).hasSize(3);
        assertThat(json.get(0).path("Visit ID").asString()).isEqualTo("V-1");
        assertThat(json.get(0).path("Client ID").asString()).isEqualTo("E-1");
        assertThat(json.get(0).path("Visit Date").asString()).isEqualTo("2026-03-02");
        assertThat(json.get(0).path("Visit Time").asString()).isEqualTo("18:30");
        assertThat(json.get(1).path("Late Cancel").asString()).isEqualTo("Yes");
        assertThat(json.get(2).path("No Show").asString()).isEqualTo("Yes");
        assertThat(json.get(2).path("Location").asString()).isEqualTo("Uptown");

        UUID uptown = jdbc.sql("SELECT id FROM locations WHERE org_id = :org AND name = 'Uptown'")
                .param("org", owner.orgId()).query(UUID.class).single();
        assertThat(api.get("/api/v1/exports?type=visits&format=json&locationId=" + uptown, owner.token()).json()).hasSize(1);
        assertThat(api.get("/api/v1/exports?type=visits&format=json&from=2026-03-03&to=2026-03-03", owner.token()).json())
                .hasSize(1);
        assertThat(api.get("/api/v1/exports?type=bookings&format=json&status=late_cancelled", owner.token()).json())
                .hasSize(1);
    }

    @Test
    void anExportImportsAgainIntoAnotherStudioAndOnceMoreChangesNothing() {
        Owner source = studio("Source Studio");
        Owner target = ownerWithOrganization("Target Studio");
        byte[] clients = api.get("/api/v1/exports?type=clients", source.token()).text().getBytes(StandardCharsets.UTF_8);
        byte[] visits = api.get("/api/v1/exports?type=visits", source.token()).text().getBytes(StandardCharsets.UTF_8);

        JsonNode clientJob = importAndWait(target.token(), "clients", "clients.csv", clients, Map.of());
        assertThat(count(clientJob, "created")).as(clientJob.toString()).isEqualTo(3);
        assertThat(count(clientJob, "failed")).isZero();
        JsonNode visitJob = importAndWait(target.token(), "visits", "visits.csv", visits, Map.of());
        assertThat(count(visitJob, "created")).as(visitJob.toString()).isEqualTo(3);

        String sourceVisits = api.get("/api/v1/exports?type=visits", source.token()).text();
        String targetVisits = api.get("/api/v1/exports?type=visits", target.token()).text();
        assertThat(targetVisits).isEqualTo(sourceVisits);
        assertThat(api.get("/api/v1/exports?type=clients", target.token()).text().lines().skip(1)
                .map(l -> l.replaceAll(",[^,]*$", "")).sorted().toList())
                .isEqualTo(api.get("/api/v1/exports?type=clients", source.token()).text().lines().skip(1)
                        .map(l -> l.replaceAll(",[^,]*$", "")).sorted().toList());

        JsonNode again = importAndWait(source.token(), "visits", "visits.csv", visits, Map.of());
        assertThat(count(again, "skipped")).isEqualTo(3);
        assertThat(count(again, "created") + count(again, "updated")).isZero();
    }

    @Test
    void aLargeExportRunsAsAJobEndingWithTheSameFile() {
        Owner owner = studio("Async Export");
        String direct = api.get("/api/v1/exports?type=clients&format=csv", owner.token()).text();
        Api.Response accepted = api.get("/api/v1/exports?type=clients&format=csv&async=true", owner.token());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/exports/" + accepted.id());
        JsonNode job = null;
        for (int i = 0; i < 300; i++) {
            job = api.get("/api/v1/exports/" + accepted.id(), owner.token()).json();
            if (!job.path("status").asString().equals("queued") && !job.path("status").asString().equals("processing")) {
                break;
            }
            sleep();
        }
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("rowCount").asLong()).isEqualTo(3);
        byte[] file = Api.download(job.path("fileUrl").asString()).body();
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(direct);
        assertThat(api.get("/api/v1/exports/jobs", owner.token()).json().path("data")).hasSize(1);
    }

    @Test
    void badRequestsAndOtherTenantsGetNothing() {
        Owner a = studio("Tenant A Export");
        Owner b = ownerWithOrganization("Tenant B Export");
        assertThat(api.get("/api/v1/exports?type=invoices", a.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/exports?type=clients&format=xml", a.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/exports?type=clients&from=14.03.2026", a.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/exports?type=clients&from=2026-03-14&to=2026-03-01", a.token()).status()).isEqualTo(400);
        UUID aLocation = jdbc.sql("SELECT id FROM locations WHERE org_id = :org LIMIT 1").param("org", a.orgId())
                .query(UUID.class).single();
        assertThat(api.get("/api/v1/exports?type=visits&locationId=" + aLocation, b.token()).status()).isEqualTo(404);
        for (String type : List.of("clients", "visits", "sales", "memberships", "bookings")) {
            Api.Response r = api.get("/api/v1/exports?type=" + type + "&format=json", b.token());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json()).as(type).isEmpty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
