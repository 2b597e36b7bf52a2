package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LocationsIntegrationTests extends OrganizationTest {

    private static List<String> names(Api.Response r) {
        return r.json()
                .path("data")
                .valueStream()
                .map(l -> l.path("name").asString())
                .toList();
    }

    @Test
    void createWithRoomsAndReadBack() {
        Owner owner = ownerWithOrganization("Locations");
        Api.Response r = api.post(
                "/api/v1/locations",
                Map.of(
                        "name",
                        "Mitte",
                        "timezone",
                        "Europe/Berlin",
                        "address",
                        Map.of("line1", "Torstr. 1", "city", "Berlin", "country", "de"),
                        "rooms",
                        List.of(room("Studio A", 20), room("Studio B", 8))),
                owner.token());
        assertThat(r.status()).isEqualTo(201);
        UUID id = r.id();
        assertThat(r.header("Location")).endsWith("/api/v1/locations/" + id);
        assertThat(r.field("address.country")).isEqualTo("DE");

        Api.Response got = api.get("/api/v1/locations/" + id, owner.token());
        assertThat(got.status()).isEqualTo(200);
        JsonNode rooms = got.json().path("rooms");
        assertThat(rooms.valueStream()
                        .map(x -> x.path("name").asString() + ":"
                                + x.path("capacity").asInt()))
                .containsExactlyInAnyOrder("Studio A:20", "Studio B:8");
    }

    @Test
    void listSearchesAndSorts() {
        Owner owner = ownerWithOrganization("Sorting");
        createLocation(owner.token(), "Charlottenburg", List.of());
        createLocation(owner.token(), "Adlershof", List.of());
        createLocation(owner.token(), "Bernau", List.of());

        assertThat(names(api.get("/api/v1/locations?sort=name", owner.token())))
                .containsExactly("Adlershof", "Bernau", "Charlottenburg");
        assertThat(names(api.get("/api/v1/locations?sort=-createdAt", owner.token())))
                .containsExactly("Bernau", "Adlershof", "Charlottenburg");
        Api.Response searched = api.get("/api/v1/locations?q=ERNA", owner.token());
        assertThat(names(searched)).containsExactly("Bernau");
        assertThat(searched.field("pagination.total")).isEqualTo("1");

        Api.Response badSort = api.get("/api/v1/locations?sort=capacity", owner.token());
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(invalidFields(badSort)).containsExactly("sort");
        Api.Response badSize = api.get("/api/v1/locations?page_size=500", owner.token());
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(invalidFields(badSize)).containsExactly("page_size");
    }

    @Test
    void patchThenDeleteArchives() {
        Owner owner = ownerWithOrganization("Archive");
        UUID id = createLocation(owner.token(), "Old name", List.of(room("Hall", 30)));
        Api.Response patched = api.patch(
                "/api/v1/locations/" + id, Map.of("name", "New name", "timezone", "Europe/Vienna"), owner.token());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.field("name")).isEqualTo("New name");
        assertThat(patched.field("timezone")).isEqualTo("Europe/Vienna");
        assertThat(patched.json().path("rooms").size()).isEqualTo(1);
        assertThat(api.patch("/api/v1/locations/" + id, Map.of("timezone", "Bad/Zone"), owner.token())
                        .status())
                .isEqualTo(400);

        assertThat(api.delete("/api/v1/locations/" + id, owner.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/locations/" + id, owner.token()).status()).isEqualTo(404);
        assertThat(names(api.get("/api/v1/locations", owner.token()))).doesNotContain("New name");
        assertThat(api.delete("/api/v1/locations/" + id, owner.token()).status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/locations/" + id, Map.of("name", "Zombie"), owner.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void roomsAreAddedChangedAndDeleted() {
        Owner owner = ownerWithOrganization("Rooms");
        UUID location = createLocation(owner.token(), "Rooms", List.of());
        Api.Response added = api.post("/api/v1/locations/" + location + "/rooms", room("Loft", 12), owner.token());
        assertThat(added.status()).isEqualTo(201);
        UUID roomId = added.id();
        assertThat(added.header("Location")).endsWith("/api/v1/locations/" + location + "/rooms/" + roomId);

        Api.Response changed =
                api.patch("/api/v1/locations/" + location + "/rooms/" + roomId, Map.of("capacity", 15), owner.token());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.field("capacity")).isEqualTo("15");
        assertThat(changed.field("name")).isEqualTo("Loft");
        assertThat(api.get("/api/v1/locations/" + location, owner.token())
                        .json()
                        .path("rooms")
                        .get(0)
                        .path("capacity")
                        .asInt())
                .isEqualTo(15);

        Api.Response zero = api.post("/api/v1/locations/" + location + "/rooms", room("Empty", 0), owner.token());
        assertThat(zero.status()).isEqualTo(400);
        assertThat(invalidFields(zero)).containsExactly("capacity");
        assertThat(api.patch("/api/v1/locations/" + location + "/rooms/" + roomId, Map.of("capacity", 0), owner.token())
                        .status())
                .isEqualTo(400);
        Api.Response nested = api.post(
                "/api/v1/locations",
                Map.of("name", "Bad rooms", "timezone", "UTC", "rooms", List.of(room("Zero", 0))),
                owner.token());
        assertThat(nested.status()).isEqualTo(400);

        assertThat(api.delete("/api/v1/locations/" + location + "/rooms/" + roomId, owner.token())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/locations/" + location, owner.token())
                        .json()
                        .path("rooms")
                        .size())
                .isZero();
        assertThat(api.patch("/api/v1/locations/" + location + "/rooms/" + roomId, Map.of("capacity", 3), owner.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/locations/" + location + "/rooms/" + roomId, owner.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRoomIsOnlyReachableThroughItsOwnLocation() {
        Owner owner = ownerWithOrganization("Two places");
        UUID first = createLocation(owner.token(), "First", List.of(room("One", 5)));
        UUID second = createLocation(owner.token(), "Second", List.of());
        String roomId = api.get("/api/v1/locations/" + first, owner.token())
                .json()
                .path("rooms")
                .get(0)
                .path("id")
                .asString();
        assertThat(api.patch("/api/v1/locations/" + second + "/rooms/" + roomId, Map.of("capacity", 9), owner.token())
                        .status())
                .isEqualTo(404);
    }
}
