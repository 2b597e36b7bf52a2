package io.wellbase.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Breathing techniques and sessions through HTTP, with their statistics against the sessions written; and
 * achievements: earned by breathing sessions, a mood streak or a check-in (from scheduling's event), an
 * organization's own, each awarded and told once even when the sessions that earn it arrive at the same time.
 */
class BreathingAndAchievementsIntegrationTests extends OrganizationTest {

    private record Client(UUID id, String token) {}

    private Client client(Owner owner, String name) {
        String email = uniqueEmail(name);
        UUID id = api.post(
                        "/api/v1/clients", Map.of("firstName", name, "lastName", "Calm", "email", email), owner.token())
                .id();
        return new Client(id, portalToken(owner, id, email));
    }

    private Api.Response breathe(Client c, String technique, int seconds, Integer before, Integer after) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("technique", technique);
        body.put("durationSeconds", seconds);
        if (before != null) {
            body.put("moodBefore", before);
            body.put("moodAfter", after);
        }
        return api.post("/api/v1/breathing/sessions", body, c.token());
    }

    @Test
    void techniquesAndSessionsWithTheirStatistics() {
        Owner owner = ownerWithOrganization("Breathing Studio");
        Client kai = client(owner, "Kai");
        JsonNode techniques =
                api.get("/api/v1/breathing/techniques", kai.token()).json().path("data");
        assertThat(techniques.valueStream().map(t -> t.path("code").asString()))
                .containsExactly("cyclic_sighing", "box", "4-7-8", "resonance");
        JsonNode resonance = techniques.get(3);
        assertThat(resonance.path("breathsPerMinute").asDouble()).isEqualTo(6.0);
        assertThat(techniques.get(1).path("cycleSeconds").asDouble()).isEqualTo(16.0);

        Map<String, Object> own = Map.of(
                "code",
                "calm-4-6",
                "name",
                "Calm 4-6",
                "phases",
                List.of(Map.of("action", "inhale", "seconds", 4), Map.of("action", "exhale", "seconds", 6)),
                "cycles",
                30);
        assertThat(api.post("/api/v1/breathing/techniques", own, kai.token()).status())
                .isEqualTo(403);
        Member desk = memberWithRole(owner, "front_desk");
        assertThat(api.post("/api/v1/breathing/techniques", own, desk.token()).field("code"))
                .isEqualTo("auth.forbidden");
        Api.Response added = api.post("/api/v1/breathing/techniques", own, owner.token());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("breathsPerMinute").asDouble()).isEqualTo(6.0);
        assertThat(api.post("/api/v1/breathing/techniques", own, owner.token()).status())
                .isEqualTo(409);
        Map<String, Object> shadow = new java.util.HashMap<>(own);
        shadow.put("code", "box");
        assertThat(api.post("/api/v1/breathing/techniques", shadow, owner.token())
                        .status())
                .as("a built-in code")
                .isEqualTo(409);
        Map<String, Object> bad = new java.util.HashMap<>(own);
        bad.put("code", "bad-one");
        bad.put("phases", List.of(Map.of("action", "scream", "seconds", 4)));
        assertThat(invalidFields(api.post("/api/v1/breathing/techniques", bad, owner.token())))
                .containsExactly("phases[0]");

        assertThat(breathe(kai, "resonance", 300, 2, 4).status()).isEqualTo(201);
        assertThat(breathe(kai, "resonance", 600, 3, 4).status()).isEqualTo(201);
        assertThat(breathe(kai, "calm-4-6", 120, null, null).status()).isEqualTo(201);
        Api.Response wrong = api.post(
                "/api/v1/breathing/sessions",
                Map.of("technique", "hyperventilation", "durationSeconds", 0, "moodBefore", 9),
                kai.token());
        assertThat(invalidFields(wrong)).containsExactlyInAnyOrder("technique", "durationSeconds", "moodBefore");

        JsonNode stats = api.get("/api/v1/breathing/sessions", kai.token()).json();
        assertThat(stats.path("sessions").asInt()).isEqualTo(3);
        assertThat(stats.path("minutes").asDouble()).isEqualTo(17.0);
        assertThat(stats.path("byTechnique").findValuesAsString("technique")).containsExactly("calm-4-6", "resonance");
        assertThat(stats.path("byTechnique").get(1).path("minutes").asDouble()).isEqualTo(15.0);
        assertThat(stats.path("moodChange").path("sessions").asInt()).isEqualTo(2);
        assertThat(stats.path("moodChange").path("averageChange").asDouble()).isEqualTo(1.5);

        String staffPath = "/api/v1/clients/" + kai.id() + "/breathing/sessions";
        Member coach = memberWithRole(owner, "staff");
        assertThat(api.get(staffPath, coach.token()).status()).isEqualTo(404);
        api.put("/api/v1/care/sharing", Map.of("breathing", true), kai.token());
        assertThat(api.get(staffPath, coach.token()).json().path("sessions").asInt())
                .isEqualTo(3);
    }

    @Test
    void anAchievementIsEarnedAndToldOnceWhenItsSessionsArriveTogether() throws Exception {
        Owner owner = ownerWithOrganization("Achievement Studio");
        Client lia = client(owner, "Lia");
        for (int i = 0; i < 4; i++) {
            Api.Response r = breathe(lia, "box", 60, null, null);
            assertThat(r.json().path("achievementsEarned")).as("not yet").isEmpty();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> breathe(lia, "box", 60, null, null));
        }
        List<String> earnedBy = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(calls)) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            r.json().path("achievementsEarned").forEach(a -> earnedBy.add(a.asString()));
        }
        pool.shutdown();
        assertThat(earnedBy).as("exactly one request earned it").containsExactly("breathing_5");
        assertThat(count(
                        "SELECT count(*) FROM client_achievements WHERE org_id = :org AND code = 'breathing_5'", owner))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM notifications WHERE org_id = :org AND type = 'achievement.earned'",
                        owner))
                .as("told once")
                .isEqualTo(1);
        JsonNode inbox = api.get("/api/v1/notifications", lia.token()).json().path("data");
        assertThat(inbox.findValuesAsString("type")).contains("achievement.earned");
        JsonNode mine = api.get("/api/v1/achievements/user", lia.token()).json().path("data");
        assertThat(mine.findValuesAsString("code")).containsExactly("breathing_5");
        JsonNode progress =
                api.get("/api/v1/achievements/progress", lia.token()).json().path("data");
        JsonNode thirty = progress.valueStream()
                .filter(p -> p.path("achievement").path("code").asString().equals("breathing_30"))
                .findFirst()
                .orElseThrow();
        assertThat(thirty.path("current").asInt()).isEqualTo(12);
        assertThat(thirty.path("target").asInt()).isEqualTo(30);
        assertThat(thirty.path("earned").asBoolean()).isFalse();

        Map<String, Object> custom = Map.of(
                "code",
                "breathe-13",
                "name",
                "Thirteen",
                "points",
                5,
                "requirement",
                Map.of("type", "breathingSessions", "count", 13));
        assertThat(api.post("/api/v1/achievements", custom, owner.token()).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/achievements", custom, owner.token()).status())
                .isEqualTo(409);
        assertThat(invalidFields(api.post(
                        "/api/v1/achievements",
                        Map.of("code", "odd", "name", "Odd", "points", 1, "requirement", Map.of("type", "pushups")),
                        owner.token())))
                .containsExactly("requirement");
        JsonNode thirteenth = breathe(lia, "box", 60, null, null).json().path("achievementsEarned");
        assertThat(thirteenth.valueStream().map(JsonNode::asString)).containsExactly("breathe-13");
        assertThat(api.get("/api/v1/achievements/user", lia.token())
                        .json()
                        .path("data")
                        .findValuesAsString("code"))
                .containsExactly("breathing_5", "breathe-13");
    }

    @Test
    void aCheckInEarnsTheFirstClassThroughSchedulingsEvent() throws InterruptedException {
        Owner owner = ownerWithOrganization("Check-in Achievement Studio");
        Client max = client(owner, "Max");
        UUID location = createLocation(owner.token(), "Main", List.of());
        UUID type = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Flow", "durationMinutes", 60, "defaultCapacity", 10),
                        owner.token())
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
                        owner.token())
                .id();
        assertThat(api.post(
                                "/api/v1/clients/" + max.id() + "/memberships",
                                Map.of("planId", plan, "paymentMethod", "cash"),
                                owner.token())
                        .status())
                .isEqualTo(201);
        Api.Response session = api.post(
                "/api/v1/sessions",
                Map.of(
                        "classTypeId",
                        type,
                        "locationId",
                        location,
                        "startsAt",
                        OffsetDateTime.now()
                                .plusHours(3)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString(),
                        "capacity",
                        10),
                owner.token());
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        Api.Response checkIn = api.post(
                "/api/v1/sessions/" + session.id() + "/check-ins", Map.of("clientId", max.id()), owner.token());
        assertThat(checkIn.status()).as(checkIn.toString()).isEqualTo(200);
        long earned = eventuallyCount(
                () -> count(
                        "SELECT count(*) FROM client_achievements WHERE org_id = :org AND code = 'first_class'", owner),
                1);
        assertThat(earned).isEqualTo(1);
    }

    private long count(String sql, Owner owner) {
        return jdbc.sql(sql).param("org", owner.orgId()).query(Long.class).single();
    }
}
