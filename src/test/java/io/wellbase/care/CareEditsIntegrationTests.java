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
 * The care endpoints that change what staff defined or a client wrote: a retired breathing technique, a program's
 * modules added, changed and removed, a diary entry deleted, a coach's view of the diary, a milestone added.
 */
class CareEditsIntegrationTests extends OrganizationTest {

    @Test
    void staffEditWhatTheyDefinedAndClientsDeleteWhatTheyWrote() {
        Owner owner = ownerWithOrganization("Care Edits Studio");
        String email = uniqueEmail("ann");
        UUID ann = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Ann", "lastName", "Edits", "email", email),
                        owner.token())
                .id();
        String client = portalToken(owner, ann, email);

        api.post(
                "/api/v1/breathing/techniques",
                Map.of(
                        "code",
                        "slow-5",
                        "name",
                        "Slow 5",
                        "phases",
                        List.of(Map.of("action", "inhale", "seconds", 5), Map.of("action", "exhale", "seconds", 5)),
                        "cycles",
                        10),
                owner.token());
        assertThat(api.delete("/api/v1/breathing/techniques/slow-5", owner.token())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/breathing/techniques", client)
                        .json()
                        .path("data")
                        .findValuesAsString("code"))
                .doesNotContain("slow-5");
        assertThat(api.delete("/api/v1/breathing/techniques/slow-5", owner.token())
                        .status())
                .isEqualTo(404);
        assertThat(invalidFields(api.post(
                        "/api/v1/breathing/sessions", Map.of("technique", "slow-5", "durationSeconds", 60), client)))
                .containsExactly("technique");

        String program = api.post(
                        "/api/v1/programs",
                        Map.of("title", "Edit Me", "modules", List.of(Map.of("title", "One", "type", "text"))),
                        owner.token())
                .field("program.id");
        Api.Response added = api.post(
                "/api/v1/programs/" + program + "/modules",
                Map.of("title", "Two", "type", "audio", "minutes", 12),
                owner.token());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode modules = added.json().path("modules");
        assertThat(modules.findValuesAsString("title")).containsExactly("One", "Two");
        String two = modules.get(1).path("id").asString();
        Api.Response changed = api.patch(
                "/api/v1/programs/modules/" + two, Map.of("title", "Two, longer", "required", false), owner.token());
        assertThat(changed.json().path("modules").get(1).path("title").asString())
                .isEqualTo("Two, longer");
        assertThat(changed.json().path("modules").get(1).path("required").asBoolean())
                .isFalse();
        assertThat(invalidFields(
                        api.patch("/api/v1/programs/modules/" + two, Map.of("type", "hologram"), owner.token())))
                .containsExactly("type");
        assertThat(api.delete("/api/v1/programs/modules/" + two, owner.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/programs/" + program, owner.token()).json().path("modules"))
                .hasSize(1);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String entry = api.post(
                        "/api/v1/nutrition/entries",
                        Map.of("day", today.toString(), "meal", "dinner", "food", "Risotto", "calories", 650),
                        client)
                .field("id");
        Member coach = memberWithRole(owner, "staff");
        String diary = "/api/v1/clients/" + ann + "/nutrition/entries?from=" + today + "&to=" + today;
        assertThat(api.get(diary, coach.token()).status()).isEqualTo(404);
        api.put("/api/v1/care/sharing", Map.of("nutrition", true), client);
        assertThat(api.get(diary, coach.token()).json().path("data").findValuesAsString("food"))
                .containsExactly("Risotto");
        assertThat(api.delete("/api/v1/nutrition/entries/" + entry, coach.token())
                        .status())
                .as("the client's own to delete")
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/nutrition/entries/" + entry, client).status())
                .isEqualTo(204);
        assertThat(api.get(diary, coach.token()).json().path("data")).isEmpty();

        String plan = api.post(
                        "/api/v1/treatments",
                        Map.of("clientId", ann, "name", "Course", "startsOn", today.toString()),
                        coach.token())
                .field("plan.id");
        Api.Response milestone = api.post(
                "/api/v1/treatments/" + plan + "/milestones",
                Map.of("title", "Check", "dueOn", today.plusDays(14).toString()),
                coach.token());
        assertThat(milestone.status()).as(milestone.toString()).isEqualTo(201);
        assertThat(milestone.json().path("milestones")).hasSize(1);
        assertThat(invalidFields(api.post(
                        "/api/v1/treatments/" + plan + "/milestones", Map.of("title", "No day"), coach.token())))
                .containsExactly("dueOn");
    }
}
