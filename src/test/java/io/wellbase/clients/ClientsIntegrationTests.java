package io.wellbase.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientsIntegrationTests extends IntegrationTest {

    private Api.Response create(Owner owner, Map<String, Object> fields) {
        return api.post("/api/v1/clients", fields, owner.token());
    }

    private UUID client(Owner owner, String first, String last, String email, Object... more) {
        Map<String, Object> fields = new HashMap<>(Map.of("firstName", first, "lastName", last));
        if (email != null) {
            fields.put("email", email);
        }
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        Api.Response r = create(owner, fields);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    @Test
    void createsReadsAndPatchesAClient() {
        Owner owner = ownerWithOrganization("CRM");
        Api.Response created = create(
                owner,
                Map.of(
                        "firstName",
                        "Zoë",
                        "lastName",
                        "Müller",
                        "email",
                        "zoe@example.test",
                        "birthDate",
                        "1990-02-14",
                        "status",
                        "lead",
                        "tags",
                        List.of("VIP", "morning"),
                        "address",
                        Map.of("city", "Berlin", "country", "de"),
                        "emergencyContact",
                        Map.of("name", "Jan", "phone", "+49 1", "relationship", "partner")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/clients/" + created.id());
        assertThat(created.json().path("tags").toString()).isEqualTo("[\"morning\",\"vip\"]");
        assertThat(created.field("address.country")).isEqualTo("DE");

        Api.Response patched = api.patch(
                "/api/v1/clients/" + created.id(), Map.of("status", "active", "phone", "030 123"), owner.token());
        assertThat(patched.field("status")).isEqualTo("active");
        assertThat(patched.field("email")).as("absent fields stay").isEqualTo("zoe@example.test");
        assertThat(patched.json().path("tags").size()).isEqualTo(2);

        Api.Response audit = api.get("/api/v1/audit-logs?entityType=client&entityId=" + created.id(), owner.token());
        var changes = audit.json().path("data").get(0).path("changes");
        assertThat(audit.json().path("data").get(0).path("action").asString()).isEqualTo("client.updated");
        assertThat(changes.path("status").path("before").asString()).isEqualTo("lead");
        assertThat(changes.path("status").path("after").asString()).isEqualTo("active");
        assertThat(changes.has("email"))
                .as("unchanged fields are not in the diff")
                .isFalse();
    }

    @Test
    void rejectsBadInputAndChangesNothing() {
        Owner owner = ownerWithOrganization("CRM bad");
        assertThat(create(owner, Map.of("firstName", "A")).field("code")).isEqualTo("validation_failed");
        assertThat(create(owner, Map.of("firstName", "A", "lastName", "B", "status", "vip"))
                        .status())
                .isEqualTo(400);
        assertThat(create(owner, Map.of("firstName", "A", "lastName", "B", "email", "nope"))
                        .status())
                .isEqualTo(400);
        assertThat(create(owner, Map.of("firstName", "A", "lastName", "B", "customFields", Map.of("shoe", 42)))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/clients", owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isZero();
    }

    @Test
    void filtersSearchSortsAndCountsFacets() {
        Owner owner = ownerWithOrganization("CRM list");
        client(
                owner,
                "José",
                "Álvarez",
                "jose@example.test",
                "status",
                "active",
                "tags",
                List.of("vip"),
                "source",
                "instagram",
                "birthDate",
                "1985-03-02");
        client(owner, "Anna", "Berg", "anna@example.test", "status", "lead", "source", "instagram");
        client(
                owner,
                "Chris",
                "Cole",
                null,
                "status",
                "churned",
                "tags",
                List.of("vip", "lapsed"),
                "mobilePhone",
                "+49 170 555");

        Api.Response search = api.get("/api/v1/clients?q=jose%20alv", owner.token());
        assertThat(search.json().path("data").size())
                .as("accent-insensitive search")
                .isEqualTo(1);
        assertThat(api.get("/api/v1/clients?q=170%20555", owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/clients?tag=vip", owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/clients?tag=vip&tag=lapsed", owner.token())
                        .json()
                        .path("data")
                        .findValuesAsString("lastName"))
                .as("a client with any of the tags, each listed once, with all its tags sorted")
                .containsExactly("Álvarez", "Cole");
        assertThat(api.get("/api/v1/clients?tag=lapsed", owner.token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("tags")
                        .toString())
                .isEqualTo("[\"lapsed\",\"vip\"]");
        Api.Response quoted = api.get(
                "/api/v1/clients?tag=vip%27%5D%3A%3Atext%5B%5D%20OR%20true%20--&tag=o%27brien%5C", owner.token());
        assertThat(quoted.status()).as(quoted.toString()).isEqualTo(200);
        assertThat(quoted.json().path("pagination").path("total").asInt())
                .as("a tag is a value in the statement, never SQL")
                .isZero();
        assertThat(api.get("/api/v1/clients?status=active&status=lead", owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/clients?birthdayMonth=3", owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);

        Api.Response sorted = api.get("/api/v1/clients?sort=-lastName&page_size=2", owner.token());
        assertThat(sorted.json().path("data").get(0).path("lastName").asString())
                .isEqualTo("Cole");
        assertThat(sorted.json().path("pagination").path("has_next").asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/clients?sort=password", owner.token()).status())
                .isEqualTo(400);

        Api.Response facets = api.get("/api/v1/clients/facets?tag=vip", owner.token());
        assertThat(facets.json().path("total").asInt()).isEqualTo(2);
        assertThat(facets.json().path("status").toString())
                .contains("\"value\":\"active\",\"count\":1")
                .contains("\"value\":\"churned\",\"count\":1")
                .doesNotContain("lead");
        assertThat(facets.json().path("tag").toString())
                .contains("\"value\":\"lapsed\"")
                .contains("\"value\":\"vip\",\"count\":2");
    }

    @Test
    void customFieldsAreTyped() {
        Owner owner = ownerWithOrganization("CRM fields");
        assertThat(api.post(
                                "/api/v1/client-fields",
                                Map.of(
                                        "key",
                                        "level",
                                        "label",
                                        "Level",
                                        "type",
                                        "select",
                                        "options",
                                        List.of("beginner", "advanced")),
                                owner.token())
                        .status())
                .isEqualTo(201);
        Api.Response taken = api.post(
                "/api/v1/client-fields", Map.of("key", "level", "label", "Again", "type", "text"), owner.token());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.field("code")).isEqualTo("client_field.key_taken");
        assertThat(create(owner, Map.of("firstName", "A", "lastName", "B", "customFields", Map.of("level", "expert")))
                        .status())
                .isEqualTo(400);
        Api.Response ok =
                create(owner, Map.of("firstName", "A", "lastName", "B", "customFields", Map.of("level", "advanced")));
        assertThat(ok.field("customFields.level")).isEqualTo("advanced");
    }

    @Test
    void notesAlertsDuplicatesAndMerge() {
        Owner owner = ownerWithOrganization("CRM merge");
        UUID keep = client(owner, "Maria", "Rossi", "maria@example.test", "tags", List.of("vip"));
        UUID dupe = client(owner, "Maria", "Rossi", "MARIA@Example.test", "phone", "0301234", "tags", List.of("new"));
        assertThat(api.post(
                                "/api/v1/clients/" + dupe + "/notes",
                                Map.of("body", "Knee injury", "pinned", true),
                                owner.token())
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/clients/" + dupe + "/alerts",
                                Map.of("level", "red", "message", "Allergic to lavender"),
                                owner.token())
                        .status())
                .isEqualTo(201);

        Api.Response duplicates = api.get("/api/v1/clients/duplicates", owner.token());
        assertThat(duplicates.text())
                .contains(keep.toString())
                .contains(dupe.toString())
                .contains("same_email");

        Api.Response merged = api.post("/api/v1/clients/" + keep + "/merge", Map.of("otherId", dupe), owner.token());
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.field("phone")).isEqualTo("0301234");
        assertThat(merged.json().path("tags").toString()).contains("vip").contains("new");
        assertThat(merged.json().path("alerts").get(0).path("level").asString()).isEqualTo("red");
        Api.Response taggedNew = api.get("/api/v1/clients?tag=new", owner.token());
        assertThat(taggedNew.json().path("data").size())
                .as("the merged duplicate's tag moves to the kept client in the list")
                .isEqualTo(1);
        assertThat(taggedNew.json().path("data").get(0).path("tags").toString()).isEqualTo("[\"new\",\"vip\"]");
        assertThat(api.get("/api/v1/clients/" + keep + "/notes", owner.token()).text())
                .contains("Knee injury");
        assertThat(api.get("/api/v1/clients/" + dupe, owner.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit-logs?action=client.merged_into&entityId=" + dupe, owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void exportAndErase() {
        Owner owner = ownerWithOrganization("CRM erase");
        UUID id = client(owner, "Erin", "Example", "erin@example.test", "phone", "12345");
        api.post("/api/v1/clients/" + id + "/notes", Map.of("body", "Prefers evenings"), owner.token());
        Api.Response export = api.get("/api/v1/clients/" + id + "/export", owner.token());
        assertThat(export.text()).contains("erin@example.test").contains("Prefers evenings");

        assertThat(api.delete("/api/v1/clients/" + id, owner.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/clients/" + id, owner.token()).status()).isEqualTo(404);
        String stored = jdbc.sql(
                        "SELECT first_name || coalesce(email, '') || coalesce(phone, '') FROM clients WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("Erin").doesNotContain("erin@").doesNotContain("12345");
        assertThat(jdbc.sql("SELECT count(*) FROM client_notes WHERE client_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anotherOrganizationSeesNothing() {
        Owner a = ownerWithOrganization("CRM A");
        Owner b = ownerWithOrganization("CRM B");
        UUID id = client(a, "Secret", "Client", "secret@example.test");
        assertThat(api.get("/api/v1/clients/" + id, b.token()).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/clients/" + id, Map.of("firstName", "X"), b.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/clients?q=secret", b.token())
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(api.post("/api/v1/clients/" + id + "/notes", Map.of("body", "x"), b.token())
                        .status())
                .isEqualTo(404);
    }
}
