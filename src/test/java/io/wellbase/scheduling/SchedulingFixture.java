package io.wellbase.scheduling;

import io.wellbase.support.Api;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Builds a studio through the API for scheduling tests: a location, a class type, a 10-class pack.
 */
record SchedulingFixture(Api api, String token, UUID locationId, UUID classTypeId, UUID packPlanId) {

    static SchedulingFixture create(Api api, String ownerToken) {
        UUID location = api.post("/api/v1/locations", Map.of("name", "Main", "timezone", "Europe/Berlin"), ownerToken)
                .id();
        UUID type = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Vinyasa", "durationMinutes", 60, "defaultCapacity", 10),
                        ownerToken)
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "10 pack",
                                "kind",
                                "class_pack",
                                "credits",
                                10,
                                "price",
                                Map.of("amount", 15000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                3),
                        ownerToken)
                .id();
        return new SchedulingFixture(api, ownerToken, location, type, plan);
    }

    UUID session(int capacity, OffsetDateTime startsAt) {
        Api.Response r = api.post(
                "/api/v1/sessions",
                Map.of(
                        "classTypeId",
                        classTypeId,
                        "locationId",
                        locationId,
                        "startsAt",
                        startsAt.toString(),
                        "capacity",
                        capacity),
                token);
        if (r.status() != 201) {
            throw new AssertionError(r.toString());
        }
        return r.id();
    }

    UUID session(int capacity) {
        return session(capacity, OffsetDateTime.now().plusDays(2).truncatedTo(ChronoUnit.HOURS));
    }

    /** A client with a 10-class pack. */
    UUID member(String name) {
        UUID client = api.post("/api/v1/clients", Map.of("firstName", name, "lastName", "Test"), token)
                .id();
        api.post(
                "/api/v1/clients/" + client + "/memberships",
                Map.of("planId", packPlanId, "paymentMethod", "cash"),
                token);
        return client;
    }

    Api.Response book(UUID session, UUID client, boolean waitlist) {
        return api.post(
                "/api/v1/sessions/" + session + "/bookings",
                Map.of("clientId", client, "joinWaitlist", waitlist),
                token);
    }

    int credits(UUID client) {
        return api.get("/api/v1/clients/" + client + "/memberships", token)
                .json()
                .path("data")
                .get(0)
                .path("creditsRemaining")
                .asInt();
    }
}
