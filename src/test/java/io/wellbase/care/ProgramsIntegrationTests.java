package io.wellbase.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Programs through HTTP: staff define them (bad modules named, nothing stored); a client enrols, sees content only
 * of the modules open to them, completes modules (twice counts once) until the program is completed (which earns
 * an achievement); a module released a week after enrolment opens on its day; premium programs and modules are
 * shown locked until the client's plan includes premium content; an inactive program is gone for clients.
 */
class ProgramsIntegrationTests extends OrganizationTest {

    private record Client(UUID id, String token) {}

    private Client client(Owner owner, String name) {
        String email = uniqueEmail(name);
        UUID id = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", name, "lastName", "Learner", "email", email),
                        owner.token())
                .id();
        return new Client(id, portalToken(owner, id, email));
    }

    private static Map<String, Object> module(String title, String type, boolean required, int releaseAfterDays) {
        return Map.of(
                "title", title,
                "type", type,
                "required", required,
                "releaseAfterDays", releaseAfterDays,
                "minutes", 10,
                "content", Map.of("body", "About " + title));
    }

    @Test
    void aClientFollowsAProgramModuleByModuleIncludingOneReleasedAWeekLater() {
        Owner owner = ownerWithOrganization("Program Studio");
        Client nia = client(owner, "Nia");
        Map<String, Object> bad = Map.of(
                "title", "",
                "difficulty", "expert",
                "modules", List.of(module("Fine", "text", true, 0), Map.of("title", "No type")));
        Api.Response refused = api.post("/api/v1/programs", bad, owner.token());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(invalidFields(refused)).containsExactlyInAnyOrder("title", "difficulty", "modules[1].type");
        Member desk = memberWithRole(owner, "front_desk");
        assertThat(api.post("/api/v1/programs", Map.of("title", "X"), desk.token())
                        .field("code"))
                .isEqualTo("auth.forbidden");
        assertThat(api.get("/api/v1/programs", nia.token()).json().path("data"))
                .as("nothing stored")
                .isEmpty();

        Api.Response created = api.post(
                "/api/v1/programs",
                Map.of(
                        "title",
                        "Sleep Better",
                        "category",
                        "sleep",
                        "durationDays",
                        14,
                        "difficulty",
                        "beginner",
                        "modules",
                        List.of(
                                module("Why sleep", "text", true, 0),
                                module("Body scan", "audio", true, 0),
                                module("A week in", "video", true, 7),
                                module("Extra: journal", "interactive", false, 0))),
                owner.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String program = created.field("program.id");
        JsonNode modules = created.json().path("modules");
        assertThat(modules.findValuesAsString("title"))
                .containsExactly("Why sleep", "Body scan", "A week in", "Extra: journal");
        assertThat(modules.get(0).path("content").path("body").asString())
                .as("staff see content")
                .isEqualTo("About Why sleep");
        String m1 = modules.get(0).path("id").asString();
        String m2 = modules.get(1).path("id").asString();
        String m3 = modules.get(2).path("id").asString();

        JsonNode before = api.get("/api/v1/programs/" + program, nia.token()).json();
        assertThat(before.path("program").path("enrolled").asBoolean()).isFalse();
        assertThat(before.path("modules").get(0).path("content").isNull()
                        || before.path("modules").get(0).path("content").isMissingNode())
                .as("no content before enrolling")
                .isTrue();
        assertThat(complete(nia, m1, 60).field("code")).isEqualTo("program.not_enrolled");
        assertThat(api.post("/api/v1/programs/" + program + "/enroll", Map.of(), nia.token())
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/programs/" + program + "/enroll", Map.of(), nia.token())
                        .status())
                .as("enrolling again changes nothing")
                .isEqualTo(200);
        JsonNode enrolled = api.get("/api/v1/programs/" + program, nia.token()).json();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertThat(enrolled.path("modules").get(0).path("content").path("body").asString())
                .isEqualTo("About Why sleep");
        assertThat(enrolled.path("modules").get(2).path("available").asBoolean())
                .isFalse();
        assertThat(enrolled.path("modules").get(2).path("availableOn").asString())
                .isEqualTo(today.plusDays(7).toString());
        assertThat(enrolled.path("progress").path("status").asString()).isEqualTo("not_started");

        Api.Response first = complete(nia, m1, 300);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo("in_progress");
        assertThat(first.json().path("requiredCompleted").asInt()).isEqualTo(1);
        assertThat(first.json().path("requiredTotal").asInt()).isEqualTo(3);
        assertThat(first.json().path("percent").asInt()).isEqualTo(33);
        assertThat(complete(nia, m1, 100).json().path("requiredCompleted").asInt())
                .as("twice counts once")
                .isEqualTo(1);
        assertThat(complete(nia, m3, 60).field("code")).isEqualTo("program.module_not_released");
        assertThat(complete(nia, m2, 600).json().path("percent").asInt()).isEqualTo(67);
        assertThat(api.post("/api/v1/programs/modules/" + m2 + "/complete", Map.of("timeSpent", -1), nia.token())
                        .status())
                .isEqualTo(400);

        // a week later: the third module opens
        jdbc.sql("UPDATE program_enrollments SET enrolled_on = enrolled_on - 7 WHERE org_id = :org AND client_id = :c")
                .param("org", owner.orgId())
                .param("c", nia.id())
                .update();
        Api.Response last = complete(nia, m3, 900);
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.json().path("status").asString()).isEqualTo("completed");
        assertThat(last.json().path("percent").asInt()).isEqualTo(100);
        assertThat(last.json().path("completedAt").isNull()).isFalse();
        JsonNode progress =
                api.get("/api/v1/programs/user/progress", nia.token()).json().path("data");
        assertThat(progress).hasSize(1);
        assertThat(progress.get(0).path("status").asString()).isEqualTo("completed");
        assertThat(progress.get(0).path("modulesCompleted").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/achievements/user", nia.token())
                        .json()
                        .path("data")
                        .findValuesAsString("code"))
                .contains("first_program");

        assertThat(api.patch("/api/v1/programs/" + program, Map.of("active", false), owner.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/programs", nia.token()).json().path("data")).isEmpty();
        assertThat(api.get("/api/v1/programs/" + program, nia.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/programs?includeInactive=true", owner.token())
                        .json()
                        .path("data"))
                .hasSize(1);
        Owner other = ownerWithOrganization("Other Program Studio");
        assertThat(api.get("/api/v1/programs/" + program, other.token()).status())
                .isEqualTo(404);
    }

    @Test
    void premiumContentIsShownLockedUntilThePlanIncludesIt() {
        Owner owner = ownerWithOrganization("Premium Studio");
        Client oli = client(owner, "Oli");
        Api.Response created = api.post(
                "/api/v1/programs",
                Map.of("title", "Deep Rest", "premium", true, "modules", List.of(module("Rest", "audio", true, 0))),
                owner.token());
        String premiumProgram = created.field("program.id");
        Map<String, Object> premiumModule = new java.util.HashMap<>(module("Bonus", "video", false, 0));
        premiumModule.put("premium", true);
        String open = api.post(
                        "/api/v1/programs",
                        Map.of(
                                "title",
                                "Open Basics",
                                "modules",
                                List.of(module("Start", "text", true, 0), premiumModule)),
                        owner.token())
                .field("program.id");

        JsonNode list = api.get("/api/v1/programs", oli.token()).json().path("data");
        assertThat(list).as("shown, not hidden").hasSize(2);
        JsonNode deep = list.valueStream()
                .filter(p -> p.path("title").asString().equals("Deep Rest"))
                .findFirst()
                .orElseThrow();
        assertThat(deep.path("locked").asBoolean()).isTrue();
        Api.Response refused = api.post("/api/v1/programs/" + premiumProgram + "/enroll", Map.of(), oli.token());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.field("code")).isEqualTo("program.premium_locked");
        api.post("/api/v1/programs/" + open + "/enroll", Map.of(), oli.token());
        JsonNode basics = api.get("/api/v1/programs/" + open, oli.token()).json();
        JsonNode bonus = basics.path("modules").get(1);
        assertThat(bonus.path("locked").asBoolean()).isTrue();
        assertThat(bonus.path("content").isNull() || bonus.path("content").isMissingNode())
                .isTrue();
        assertThat(complete(oli, bonus.path("id").asString(), 30).field("code")).isEqualTo("program.premium_locked");

        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Premium monthly",
                                "kind",
                                "unlimited",
                                "price",
                                Map.of("amount", 9900, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1,
                                "premiumContent",
                                true),
                        owner.token())
                .id();
        assertThat(api.get("/api/v1/membership-plans/" + plan, owner.token())
                        .json()
                        .path("premiumContent")
                        .asBoolean())
                .isTrue();
        Api.Response sold = api.post(
                "/api/v1/clients/" + oli.id() + "/memberships",
                Map.of("planId", plan, "paymentMethod", "cash"),
                owner.token());
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/programs/" + premiumProgram + "/enroll", Map.of(), oli.token())
                        .status())
                .isEqualTo(201);
        JsonNode unlocked = api.get("/api/v1/programs/" + open, oli.token())
                .json()
                .path("modules")
                .get(1);
        assertThat(unlocked.path("locked").asBoolean()).isFalse();
        assertThat(unlocked.path("content").path("body").asString()).isEqualTo("About Bonus");
    }

    private Api.Response complete(Client c, String module, int seconds) {
        return api.post("/api/v1/programs/modules/" + module + "/complete", Map.of("timeSpent", seconds), c.token());
    }
}
