package io.wellbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Global search through HTTP on a small hand-checked corpus: accents ("Mueller" finds "Müller"), typos ("Jonh"
 * finds "John"), prefixes for typeahead, highlights located in the text as shown, the index following writes (an
 * update, a merge, an erasure), and permissions: another organization's documents, a staff role without the type's
 * permission, a client who finds only what everyone may see.
 */
class SearchIntegrationTests extends OrganizationTest {

    private UUID client(Owner owner, String first, String last, String email) {
        Api.Response r = api.post(
                "/api/v1/clients", Map.of("firstName", first, "lastName", last, "email", email), owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private JsonNode search(String token, String query) {
        Api.Response r = api.get(
                "/api/v1/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8),
                token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("data");
    }

    private static List<String> titles(JsonNode data) {
        List<String> out = new ArrayList<>();
        data.forEach(n -> out.add(n.path("title").asString()));
        return out;
    }

    @Test
    void namesAreFoundWithoutAccentsWithTyposAndByPrefix() {
        Owner owner = ownerWithOrganization("Search Studio");
        Owner other = ownerWithOrganization("Other Search Studio");
        client(owner, "Jürgen", "Müller", uniqueEmail("jm"));
        client(owner, "John", "Smith", uniqueEmail("js"));
        client(owner, "Johanna", "Schmidt", uniqueEmail("jsch"));
        client(owner, "Zoë", "Ångström", uniqueEmail("za"));
        client(other, "John", "Müller", uniqueEmail("other"));

        assertThat(titles(search(owner.token(), "Mueller"))).containsExactly("Jürgen Müller");
        assertThat(titles(search(owner.token(), "muller"))).containsExactly("Jürgen Müller");
        assertThat(titles(search(owner.token(), "Jonh"))).first().isEqualTo("John Smith");
        assertThat(titles(search(owner.token(), "Jo"))).containsExactlyInAnyOrder("John Smith", "Johanna Schmidt");
        assertThat(titles(search(owner.token(), "john smi"))).containsExactly("John Smith");
        assertThat(titles(search(owner.token(), "angstrom"))).containsExactly("Zoë Ångström");
        assertThat(titles(search(owner.token(), "Smiht"))).containsExactly("John Smith");
        assertThat(titles(search(owner.token(), "xylophone"))).isEmpty();

        JsonNode hit = search(owner.token(), "mül").get(0);
        assertThat(hit.path("type").asString()).isEqualTo("client");
        assertThat(hit.path("link").asString()).startsWith("/api/v1/clients/");
        JsonNode range = hit.path("snippet").path("highlights").get(0);
        String text = hit.path("snippet").path("text").asString();
        assertThat(text.substring(range.path("start").asInt(), range.path("end").asInt()))
                .isEqualTo("Müller");
        JsonNode typo = search(owner.token(), "Jonh").get(0);
        assertThat(typo.path("corrected").asBoolean()).isTrue();
    }

    @Test
    void wordsLongerThanTheStoredPrefixesAreMatchedWholeAndShortPrefixesFindEveryWord() {
        Owner owner = ownerWithOrganization("Long Words Studio");
        // the first 20 letters are the same; a stored prefix has at most 20, the vector rechecks the rest
        client(owner, "Ottilie", "Donaudampfschifffahrtskapitän", uniqueEmail("long1"));
        client(owner, "Quentin", "Donaudampfschifffahrtsgesellschaft", uniqueEmail("long2"));

        assertThat(titles(search(owner.token(), "donaudampfschifffahrtskap")))
                .containsExactly("Ottilie Donaudampfschifffahrtskapitän");
        assertThat(titles(search(owner.token(), "Donaudampfschifffahrtsgesellschaft")))
                .containsExactly("Quentin Donaudampfschifffahrtsgesellschaft");
        assertThat(titles(search(owner.token(), "donaudampfschifffahrts"))).hasSize(2);
        assertThat(titles(search(owner.token(), "q"))).containsExactly("Quentin Donaudampfschifffahrtsgesellschaft");
        assertThat(titles(search(owner.token(), "ottilie donau")))
                .containsExactly("Ottilie Donaudampfschifffahrtskapitän");
        assertThat(titles(search(owner.token(), "ottilie quentin"))).isEmpty();
    }

    @Test
    void theIndexFollowsUpdatesMergesAndErasures() {
        Owner owner = ownerWithOrganization("Following Studio");
        UUID id = client(owner, "Petra", "Lindqvist", uniqueEmail("pl"));
        UUID twin = client(owner, "Petra", "Lindqvist-Twin", uniqueEmail("pl2"));
        assertThat(titles(search(owner.token(), "lindqvist"))).hasSize(2);

        assertThat(api.patch("/api/v1/clients/" + id, Map.of("lastName", "Bergström"), owner.token())
                        .status())
                .isEqualTo(200);
        assertThat(titles(search(owner.token(), "bergstrom"))).containsExactly("Petra Bergström");
        assertThat(titles(search(owner.token(), "lindqvist"))).containsExactly("Petra Lindqvist-Twin");

        Api.Response merged = api.post("/api/v1/clients/" + id + "/merge", Map.of("otherId", twin), owner.token());
        assertThat(merged.status()).as(merged.toString()).isLessThan(300);
        assertThat(titles(search(owner.token(), "lindqvist"))).isEmpty();

        assertThat(api.delete("/api/v1/clients/" + id, owner.token()).status()).isLessThan(300);
        assertThat(titles(search(owner.token(), "bergstrom"))).isEmpty();
    }

    @Test
    void resultsAreScopedToWhatTheCallerMaySee() {
        Owner owner = ownerWithOrganization("Scoped Search Studio");
        UUID id = client(owner, "Quentin", "Tarrasque", uniqueEmail("qt"));
        Member staff = memberWithRole(owner, "staff");
        assertThat(titles(search(staff.token(), "tarrasque"))).containsExactly("Quentin Tarrasque");
        Owner stranger = ownerWithOrganization("Stranger Studio");
        assertThat(titles(search(stranger.token(), "tarrasque"))).isEmpty();

        String email = uniqueEmail("portal");
        UUID portalClient = client(owner, "Portia", "Tarrasque", email);
        String portal = portalToken(owner, portalClient, email);
        assertThat(titles(search(portal, "tarrasque")))
                .as("a client never finds other clients")
                .isEmpty();
        assertThat(id).isNotNull();

        Api.Response bad = api.get("/api/v1/search?q=x&types=client,spaceships", owner.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(invalidFields(bad)).contains("types");
        assertThat(api.get("/api/v1/search?q=%20%20", owner.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/search?q=tarrasque&types=client&limit=1", owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void everyTypeIsFoundByWhoMayFindIt() {
        Owner owner = ownerWithOrganization("Every Type Studio");
        String t = owner.token();
        assertThat(api.post(
                                "/api/v1/class-types",
                                Map.of("name", "Vinyasa Sunrise", "durationMinutes", 60, "defaultCapacity", 12),
                                t)
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/products",
                                Map.of("sku", "MAT-1", "title", "Cork Yoga Mat", "price", Map.of("amount", 4900)),
                                t)
                        .status())
                .isEqualTo(201);
        UUID hidden = api.post(
                        "/api/v1/products",
                        Map.of(
                                "sku",
                                "MAT-2",
                                "title",
                                "Cork Yoga Block",
                                "price",
                                Map.of("amount", 900),
                                "active",
                                false),
                        t)
                .id();
        assertThat(api.post(
                                "/api/v1/programs",
                                Map.of(
                                        "title",
                                        "Sunrise Breathing",
                                        "modules",
                                        List.of(Map.of("title", "Breathe", "type", "audio"))),
                                t)
                        .status())
                .isEqualTo(201);
        Member staff = memberWithRole(owner, "staff");
        String email = uniqueEmail("quill");
        UUID client = client(owner, "Quilla", "Sunrisewood", email);
        String portal = portalToken(owner, client, email);
        Api.Response chat = api.post(
                "/api/v1/conversations", Map.of("kind", "client", "clientId", client, "title", "Sunrise plan"), t);
        assertThat(chat.status()).as(chat.toString()).isEqualTo(201);
        String conversation = chat.field("conversation.id");
        assertThat(api.post(
                                "/api/v1/conversations/" + conversation + "/messages",
                                Map.of("body", "Your knee exercises are in the Sunrise plan"),
                                t)
                        .status())
                .isEqualTo(201);

        List<String> ownerTypes = new ArrayList<>();
        search(t, "sunrise").forEach(n -> ownerTypes.add(n.path("type").asString()));
        assertThat(ownerTypes)
                .contains("class_type", "program", "client", "conversation", "message")
                .doesNotContain("product");
        assertThat(titles(search(t, "cork"))).containsExactlyInAnyOrder("Cork Yoga Mat", "Cork Yoga Block");
        assertThat(search(t, "staff").get(0).path("type").asString())
                .as("a member is found by their role too")
                .isEqualTo("staff");
        JsonNode member = search(t, staff.email().split("[-@]")[1]).get(0);
        assertThat(member.path("type").asString()).isEqualTo("staff");
        assertThat(member.path("link").asString()).isEqualTo("/api/v1/members/" + staff.userId());

        List<String> clientSees = new ArrayList<>();
        search(portal, "sunrise").forEach(n -> clientSees.add(n.path("type").asString()));
        assertThat(clientSees)
                .as("the client finds the timetable, the programs and their own conversation, never clients")
                .contains("class_type", "program", "conversation", "message")
                .doesNotContain("client");
        assertThat(titles(search(portal, "cork")))
                .as("an inactive product is for staff")
                .containsExactly("Cork Yoga Mat");
        List<String> staffSees = new ArrayList<>();
        search(staff.token(), "sunrise")
                .forEach(n -> staffSees.add(n.path("type").asString()));
        assertThat(staffSees)
                .as("a staff member who is not in the conversation finds neither it nor its messages")
                .doesNotContain("conversation", "message")
                .contains("client");

        assertThat(api.delete("/api/v1/products/" + hidden, t).status()).isEqualTo(204);
        assertThat(titles(search(t, "cork"))).containsExactly("Cork Yoga Mat");
        assertThat(titles(search(t, "sunrise&types=class_type"))).isEmpty();
    }

    @Test
    void sessionsAreFoundByClassTeacherAndPlaceAndFollowTheirChanges() {
        Owner owner = ownerWithOrganization("Session Search Studio");
        String t = owner.token();
        UUID location = createLocation(t, "Riverside Loft", List.of());
        UUID type = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Kundalini Glow", "durationMinutes", 60, "defaultCapacity", 10),
                        t)
                .id();
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now()
                .plusDays(3)
                .withHour(18)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Api.Response session = api.post(
                "/api/v1/sessions",
                Map.of("classTypeId", type, "locationId", location, "startsAt", start.toString()),
                t);
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        JsonNode found = api.get("/api/v1/search?types=session&q=kundalini%20riverside", t)
                .json()
                .path("data");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("title").asString()).startsWith("Kundalini Glow · ");
        assertThat(found.get(0).path("link").asString()).isEqualTo("/api/v1/sessions/" + session.id());

        // a client of the studio finds the timetable too; another organization does not
        String email = uniqueEmail("sess");
        String portal = portalToken(owner, client(owner, "Sia", "Session", email), email);
        assertThat(titles(api.get("/api/v1/search?types=session&q=kundalini", portal)
                        .json()
                        .path("data")))
                .hasSize(1);
        Owner other = ownerWithOrganization("Other Session Studio");
        assertThat(api.get("/api/v1/search?types=session&q=kundalini", other.token())
                        .json()
                        .path("data"))
                .isEmpty();

        // renaming the class type renames its sessions' documents; a cancelled session is no longer found
        assertThat(api.patch("/api/v1/class-types/" + type, Map.of("name", "Kriya Glow"), t)
                        .status())
                .isEqualTo(200);
        assertThat(titles(search(t, "kriya"))).anyMatch(title -> title.startsWith("Kriya Glow · "));
        assertThat(api.send("DELETE", "/api/v1/sessions/" + session.id(), null, t, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/search?types=session&q=kriya", t).json().path("data"))
                .isEmpty();
    }
}
