package io.wellbase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditLogIntegrationTests extends OrganizationTest {

    private static List<JsonNode> entries(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("data").valueStream().toList();
    }

    private static List<String> actions(Api.Response r) {
        return entries(r).stream().map(e -> e.path("action").asString()).toList();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theOwnerSeesWhatHappenedWithBeforeAndAfter() {
        Owner owner = ownerWithOrganization("Audited");
        UUID location = createLocation(owner.token(), "Audit place", List.of(room("Red", 10)));
        api.patch("/api/v1/locations/" + location, Map.of("name", "Audit place 2"), owner.token());

        Api.Response all = api.get("/api/v1/audit-logs", owner.token());
        assertThat(actions(all)).contains("organization.created", "location.created", "location.updated");
        assertThat(actions(all).getFirst()).isEqualTo("location.updated");

        JsonNode created = entries(all).stream()
                .filter(e -> e.path("action").asString().equals("organization.created"))
                .findFirst()
                .orElseThrow();
        assertThat(created.path("entityId").asString()).isEqualTo(owner.orgId().toString());
        assertThat(created.path("actorId").asString()).isEqualTo(owner.userId().toString());
        assertThat(created.path("changes").path("name").path("after").asString())
                .isEqualTo("Audited");
        JsonNode before = created.path("changes").path("name").path("before");
        assertThat(before.isNull() || before.isMissingNode())
                .as("before of a new field: %s", before)
                .isTrue();

        JsonNode updated = entries(all).getFirst();
        assertThat(updated.path("entityType").asString()).isEqualTo("location");
        assertThat(updated.path("entityId").asString()).isEqualTo(location.toString());
        assertThat(updated.path("changes").path("name").path("before").asString())
                .isEqualTo("Audit place");
        assertThat(updated.path("changes").path("name").path("after").asString())
                .isEqualTo("Audit place 2");
        assertThat(updated.path("changes").has("timezone")).isFalse();
        assertThat(updated.path("requestId").asString()).isNotBlank();
    }

    @Test
    void filtersNarrowTheList() {
        Owner owner = ownerWithOrganization("Filters");
        createLocation(owner.token(), "Filtered", List.of());
        Member admin = memberWithRole(owner, "admin");
        createLocation(admin.token(), "By admin", List.of());

        assertThat(actions(api.get("/api/v1/audit-logs?entityType=location", owner.token())))
                .containsOnly("location.created")
                .hasSize(2);
        assertThat(actions(api.get("/api/v1/audit-logs?action=organization.created", owner.token())))
                .containsExactly("organization.created");
        List<JsonNode> byAdmin = entries(api.get("/api/v1/audit-logs?actorId=" + admin.userId(), owner.token()));
        assertThat(byAdmin)
                .extracting(e -> e.path("action").asString())
                .containsExactlyInAnyOrder("invitation.accepted", "location.created");

        List<JsonNode> all = entries(api.get("/api/v1/audit-logs", owner.token()));
        String newest = all.getFirst().path("occurredAt").asString();
        String oldest = all.getLast().path("occurredAt").asString();
        assertThat(entries(api.get("/api/v1/audit-logs?from=" + enc(newest), owner.token())))
                .extracting(e -> e.path("id").asString())
                .contains(all.getFirst().path("id").asString())
                .doesNotContain(all.getLast().path("id").asString());
        assertThat(entries(api.get("/api/v1/audit-logs?to=" + enc(newest), owner.token())))
                .extracting(e -> e.path("id").asString())
                .contains(all.getLast().path("id").asString())
                .doesNotContain(all.getFirst().path("id").asString());
        assertThat(entries(api.get("/api/v1/audit-logs?from=" + enc(oldest) + "&to=" + enc(oldest), owner.token())))
                .isEmpty();
        assertThat(api.get("/api/v1/audit-logs?page_size=0", owner.token()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit-logs?cursor=garbage", owner.token()).status())
                .isEqualTo(400);
    }

    @Test
    void cursorPagesCoverEverythingOnce() {
        Owner owner = ownerWithOrganization("Cursor");
        for (int i = 0; i < 4; i++) {
            createLocation(owner.token(), "Place " + i, List.of());
        }
        List<String> expected = entries(api.get("/api/v1/audit-logs", owner.token())).stream()
                .map(e -> e.path("id").asString())
                .toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get(
                    "/api/v1/audit-logs?page_size=2" + (cursor == null ? "" : "&cursor=" + cursor), owner.token());
            List<JsonNode> data = entries(page);
            assertThat(data.size()).isBetween(1, 2);
            data.forEach(e -> seen.add(e.path("id").asString()));
            cursor = page.field("nextCursor");
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(cursor).isNull();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 1) / 2);
    }

    @Test
    void onlyOwnersAndAdminsReadTheTrail() {
        Owner owner = ownerWithOrganization("Forbidden trail");
        Member staff = memberWithRole(owner, "staff");
        Member admin = memberWithRole(owner, "admin");
        assertThat(api.get("/api/v1/audit-logs", staff.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit-logs/export?format=csv", staff.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit-logs", admin.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit-logs", null).status()).isEqualTo(401);
    }

    @Test
    void exportStreamsCsv() {
        Owner owner = ownerWithOrganization("Export, \"quoted\"");
        createLocation(owner.token(), "Exported", List.of());
        Api.Response csv = api.get("/api/v1/audit-logs/export?format=csv", owner.token());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text()).startsWith("\ufeffid,").contains("\r\n");
        List<String> lines = csv.text().replace("\ufeff", "").lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo(
                        "id,occurred_at,actor_id,api_key_id,action,entity_type,entity_id,changes,ip,user_agent,request_id");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .contains("location.created")
                .contains(owner.userId().toString());
        assertThat(lines.get(2)).contains("organization.created").contains("\\\"\"quoted\\\"\"");

        Api.Response filtered = api.get("/api/v1/audit-logs/export?format=csv&entityType=organization", owner.token());
        assertThat(filtered.text().lines()).hasSize(2);
        assertThat(api.get("/api/v1/audit-logs/export?format=xml", owner.token())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void exportDefusesFormulasInEveryCell() {
        Owner owner = ownerWithOrganization("Formula trail");
        for (String agent : List.of("=HYPERLINK(\"http://evil.test\",\"open\")", "=1+1", "@SUM(A1)", "+49 30 1234")) {
            Api.Response created = api.send(
                    "POST",
                    "/api/v1/locations",
                    Map.of("name", "Place " + agent, "timezone", "Europe/Berlin"),
                    owner.token(),
                    Map.of("User-Agent", agent));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        String csv = api.get("/api/v1/audit-logs/export?format=csv&action=location.created", owner.token())
                .text();
        assertThat(csv)
                .contains(",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"open\"\")\",")
                .contains(",'=1+1,")
                .contains(",'@SUM(A1),")
                .contains(",'+49 30 1234,");
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(csv.replace("\ufeff", ""))) {
            reader.forEach(row -> row.getFields()
                    .forEach(cell -> assertThat(cell)
                            .doesNotStartWith("=")
                            .doesNotStartWith("+")
                            .doesNotStartWith("@")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everySuccessfulMutationWritesAnEntry() {
        Owner owner = ownerWithOrganization("Every mutation");
        UUID location = createLocation(owner.token(), "Counted", List.of(room("Blue", 4)));
        String roomId = api.get("/api/v1/locations/" + location, owner.token())
                .json()
                .path("rooms")
                .get(0)
                .path("id")
                .asString();

        long before = auditCount(owner.orgId());
        assertThat(api.patch("/api/v1/locations/" + location + "/rooms/" + roomId, Map.of("capacity", 6), owner.token())
                        .status())
                .isEqualTo(200);
        assertThat(auditCount(owner.orgId())).isEqualTo(before + 1);
        List<JsonNode> last = entries(api.get("/api/v1/audit-logs?page_size=1", owner.token()));
        assertThat(last.getFirst().path("action").asString()).isEqualTo("room.updated");
        assertThat(last.getFirst()
                        .path("changes")
                        .path("capacity")
                        .path("before")
                        .asInt())
                .isEqualTo(4);
        assertThat(last.getFirst()
                        .path("changes")
                        .path("capacity")
                        .path("after")
                        .asInt())
                .isEqualTo(6);

        long count = auditCount(owner.orgId());
        assertThat(api.post("/api/v1/locations/" + location + "/rooms", room("Green", 2), owner.token())
                        .status())
                .isEqualTo(201);
        assertThat(auditCount(owner.orgId())).isEqualTo(++count);
        api.delete("/api/v1/locations/" + location + "/rooms/" + roomId, owner.token());
        assertThat(auditCount(owner.orgId())).isEqualTo(++count);
        api.patch("/api/v1/organizations/" + owner.orgId(), Map.of("name", "Renamed"), owner.token());
        assertThat(auditCount(owner.orgId())).isEqualTo(++count);
        api.delete("/api/v1/locations/" + location, owner.token());
        assertThat(auditCount(owner.orgId())).isEqualTo(++count);

        assertThat(api.patch("/api/v1/locations/" + location, Map.of("name", "Gone"), owner.token())
                        .status())
                .isEqualTo(404);
        assertThat(auditCount(owner.orgId()))
                .as("failed requests write nothing")
                .isEqualTo(count);
    }
}
