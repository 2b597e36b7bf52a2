package io.wellbase.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Assessments through HTTP: the instruments, scoring and bands of completed ones, the change since the last,
 * bad answers refused with nothing stored; staff see them only while the client shares them (404 otherwise,
 * every reading audited); and PHQ-9's self-harm item opens an emergency session that alerts the counselor on
 * duty and the on-call contact, with the crisis line shown to the client in the same answer.
 */
class AssessmentsIntegrationTests extends OrganizationTest {

    private record Client(UUID id, String token) {}

    private Client client(Owner owner, String name) {
        String email = uniqueEmail(name);
        UUID id = api.post(
                        "/api/v1/clients", Map.of("firstName", name, "lastName", "Care", "email", email), owner.token())
                .id();
        return new Client(id, portalToken(owner, id, email));
    }

    private Api.Response take(Client c, String instrument, List<Integer> answers) {
        return api.post("/api/v1/assessments", Map.of("instrument", instrument, "answers", answers), c.token());
    }

    @Test
    void instrumentsAreScoredAndBandedWithTheChangeSinceTheLast() {
        Owner owner = ownerWithOrganization("Assessment Studio");
        Client ana = client(owner, "Ana");
        JsonNode instruments =
                api.get("/api/v1/assessments/instruments", ana.token()).json().path("data");
        assertThat(instruments.valueStream().map(i -> i.path("code").asString()))
                .containsExactly("phq9", "gad7", "who5");
        assertThat(instruments.get(0).path("items")).hasSize(9);
        assertThat(instruments.get(0).path("loinc").asString()).isEqualTo("44249-1");
        assertThat(instruments.get(1).path("options")).hasSize(4);

        Api.Response first = take(ana, "phq9", List.of(2, 2, 2, 2, 2, 2, 1, 1, 0));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("assessment").path("score").asInt()).isEqualTo(14);
        assertThat(first.json().path("assessment").path("band").asString()).isEqualTo("moderate");
        assertThat(first.json().path("assessment").path("changeSinceLast").isMissingNode()
                        || first.json()
                                .path("assessment")
                                .path("changeSinceLast")
                                .isNull())
                .isTrue();
        assertThat(first.json().path("safety").isMissingNode()
                        || first.json().path("safety").isNull())
                .as("no self-harm answer, no escalation")
                .isTrue();
        Api.Response second = take(ana, "phq9", List.of(1, 1, 1, 1, 1, 1, 0, 0, 0));
        assertThat(second.json().path("assessment").path("score").asInt()).isEqualTo(6);
        assertThat(second.json().path("assessment").path("band").asString()).isEqualTo("mild");
        assertThat(second.json().path("assessment").path("changeSinceLast").asInt())
                .isEqualTo(-8);
        Api.Response who = take(ana, "who5", List.of(3, 3, 2, 2, 2));
        assertThat(who.json().path("assessment").path("score").asInt()).isEqualTo(48);
        assertThat(who.json().path("assessment").path("band").asString()).isEqualTo("poor");
        Api.Response gad = take(ana, "gad7", Collections.nCopies(7, 3));
        assertThat(gad.json().path("assessment").path("score").asInt()).isEqualTo(21);
        assertThat(gad.json().path("assessment").path("band").asString()).isEqualTo("severe");

        JsonNode list = api.get("/api/v1/assessments?instrument=phq9", ana.token())
                .json()
                .path("data");
        assertThat(list.findValuesAsString("band")).containsExactly("mild", "moderate");
        assertThat(api.get("/api/v1/assessments", ana.token()).json().path("data"))
                .hasSize(4);

        long stored = count(owner.orgId());
        Api.Response short1 = take(ana, "phq9", List.of(1, 1, 1));
        assertThat(short1.status()).isEqualTo(400);
        assertThat(invalidFields(short1)).containsExactly("answers");
        Api.Response outOfRange = take(ana, "who5", List.of(1, 1, 6, 1, 1));
        assertThat(invalidFields(outOfRange)).containsExactly("answers[2]");
        assertThat(invalidFields(take(ana, "beck", List.of(1)))).containsExactly("instrument");
        assertThat(api.get("/api/v1/assessments?instrument=beck", ana.token()).status())
                .isEqualTo(400);
        Api.Response byStaff = api.post(
                "/api/v1/assessments", Map.of("instrument", "who5", "answers", List.of(1, 1, 1, 1, 1)), owner.token());
        assertThat(byStaff.status()).isEqualTo(403);
        assertThat(count(owner.orgId())).as("nothing stored for bad input").isEqualTo(stored);
    }

    @Test
    void staffSeeAssessmentsOnlyWhileTheClientSharesThem() {
        Owner owner = ownerWithOrganization("Consent Studio");
        Client ben = client(owner, "Ben");
        take(ben, "gad7", List.of(1, 1, 1, 1, 1, 1, 1));
        Member coach = memberWithRole(owner, "staff");
        Member desk = memberWithRole(owner, "front_desk");
        String path = "/api/v1/clients/" + ben.id() + "/assessments";
        assertThat(api.get(path, coach.token()).status()).as("not shared yet").isEqualTo(404);
        assertThat(api.get("/api/v1/care/sharing", ben.token())
                        .json()
                        .path("assessments")
                        .asBoolean())
                .isFalse();

        Api.Response shared = api.put("/api/v1/care/sharing", Map.of("assessments", true), ben.token());
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        assertThat(shared.json().path("assessments").asBoolean()).isTrue();
        assertThat(shared.json().path("mood").asBoolean())
                .as("only what was asked")
                .isFalse();
        Api.Response read = api.get(path, coach.token());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("data").get(0).path("score").asInt()).isEqualTo(7);
        assertThat(api.get(path, desk.token()).field("code")).isEqualTo("auth.forbidden");
        assertThat(api.get("/api/v1/clients/" + ben.id() + "/moods", coach.token())
                        .status())
                .as("mood is another category, still private")
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :org AND action = 'care.viewed'")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :org AND action = 'care.sharing_changed'")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Owner other = ownerWithOrganization("Other Consent Studio");
        assertThat(api.get(path, other.token()).status()).isEqualTo(404);

        api.put("/api/v1/care/sharing", Map.of("assessments", false), ben.token());
        assertThat(api.get(path, coach.token()).status()).as("revoked at once").isEqualTo(404);
        Client cleo = client(owner, "Cleo");
        assertThat(api.get("/api/v1/clients/" + ben.id() + "/assessments", cleo.token())
                        .status())
                .as("another client")
                .isEqualTo(404);
    }

    @Test
    void aSelfHarmAnswerOpensAnEmergencySessionAndShowsTheCrisisLineAtOnce() {
        Owner owner = ownerWithOrganization("Safety Studio");
        Api.Response settings = api.put(
                "/api/v1/chat/settings",
                Map.of(
                        "crisisLine",
                        "Call 0800 111 0 111 (Telefonseelsorge) or 112",
                        "onCallContacts",
                        List.of(Map.of("name", "Dr On Call", "email", "oncall-care@example.test"))),
                owner.token());
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        Member counselor = memberWithRole(owner, "staff");
        assertThat(api.put("/api/v1/chat/counselors/me", Map.of("status", "available"), counselor.token())
                        .status())
                .isEqualTo(200);
        Client dan = client(owner, "Dan");

        Api.Response severe = take(dan, "phq9", List.of(3, 3, 3, 3, 3, 3, 3, 3, 0));
        assertThat(severe.json().path("assessment").path("band").asString()).isEqualTo("severe");
        assertThat(severe.json().path("safety").isMissingNode()
                        || severe.json().path("safety").isNull())
                .as("a severe score without the self-harm answer is not an emergency")
                .isTrue();
        assertThat(queue(owner)).isEmpty();

        Api.Response flagged = take(dan, "phq9", List.of(1, 1, 1, 1, 0, 0, 0, 0, 1));
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(201);
        JsonNode safety = flagged.json().path("safety");
        assertThat(safety.path("escalated").asBoolean()).isTrue();
        assertThat(safety.path("crisisLine").asString()).isEqualTo("Call 0800 111 0 111 (Telefonseelsorge) or 112");
        assertThat(safety.path("message").asString()).contains("Telefonseelsorge");
        assertThat(flagged.json().path("assessment").path("selfHarmFlagged").asBoolean())
                .isTrue();
        String sessionId = safety.path("supportSessionId").asString();

        JsonNode queue = queue(owner);
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("id").asString()).isEqualTo(sessionId);
        assertThat(queue.get(0).path("priority").asString()).isEqualTo("emergency");
        assertThat(api.get("/api/v1/chat/sessions", dan.token())
                        .json()
                        .path("data")
                        .findValuesAsString("id"))
                .as("the client sees the session opened for them")
                .contains(sessionId);
        JsonNode alerts = api.get("/api/v1/notifications?category=emergency", counselor.token())
                .json()
                .path("data");
        assertThat(alerts).as("the counselor on duty is told at once").isNotEmpty();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM notification_deliveries
                        WHERE org_id = :org AND type = 'chat.emergency' AND recipient = 'oncall-care@example.test'
                          AND next_attempt_at <= now() + interval '1 minute'
                        """).param("org", owner.orgId()).query(Long.class).single())
                .as("the on-call contact's email is due within a minute")
                .isEqualTo(1);
    }

    @Test
    void anOrganizationsOwnQuestionnaireIsScoredWithItsReversedItemsAndBands() {
        Owner owner = ownerWithOrganization("Intake Studio");
        Client eli = client(owner, "Eli");
        Map<String, Object> form = Map.of(
                "code", "sleep-intake",
                "name", "Sleep intake",
                "items",
                        List.of(
                                Map.of("text", "I have trouble falling asleep"),
                                Map.of("text", "I wake up rested", "reverse", true),
                                Map.of("text", "I wake up during the night")),
                "options",
                        List.of(
                                Map.of("value", 0, "label", "Never"),
                                Map.of("value", 1, "label", "Rarely"),
                                Map.of("value", 2, "label", "Sometimes"),
                                Map.of("value", 3, "label", "Often"),
                                Map.of("value", 4, "label", "Always")),
                "bands",
                        List.of(
                                Map.of("min", 0, "max", 4, "code", "low", "label", "Low"),
                                Map.of("min", 5, "max", 8, "code", "medium", "label", "Medium"),
                                Map.of("min", 9, "max", 12, "code", "high", "label", "High")));
        Map<String, Object> gap = new java.util.HashMap<>(form);
        gap.put("code", "gappy");
        gap.put(
                "bands",
                List.of(
                        Map.of("min", 0, "max", 4, "code", "low", "label", "Low"),
                        Map.of("min", 6, "max", 12, "code", "high", "label", "High")));
        assertThat(invalidFields(api.post("/api/v1/assessments/questionnaires", gap, owner.token())))
                .containsExactly("bands");
        Member desk = memberWithRole(owner, "front_desk");
        assertThat(api.post("/api/v1/assessments/questionnaires", form, desk.token())
                        .field("code"))
                .isEqualTo("auth.forbidden");
        Api.Response added = api.post("/api/v1/assessments/questionnaires", form, owner.token());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/assessments/questionnaires", form, owner.token())
                        .field("code"))
                .isEqualTo("assessment.instrument_exists");
        Map<String, Object> shadow = new java.util.HashMap<>(form);
        shadow.put("code", "phq9");
        assertThat(api.post("/api/v1/assessments/questionnaires", shadow, owner.token())
                        .status())
                .isEqualTo(409);

        JsonNode instruments =
                api.get("/api/v1/assessments/instruments", eli.token()).json().path("data");
        assertThat(instruments.valueStream().map(i -> i.path("code").asString()))
                .contains("sleep-intake");
        Api.Response taken = take(eli, "sleep-intake", List.of(4, 0, 2));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        assertThat(taken.json().path("assessment").path("score").asInt())
                .as("4 + (4 - 0) + 2")
                .isEqualTo(10);
        assertThat(taken.json().path("assessment").path("band").asString()).isEqualTo("high");
        assertThat(invalidFields(take(eli, "sleep-intake", List.of(4, 5, 2)))).containsExactly("answers[1]");
        Owner other = ownerWithOrganization("Other Intake Studio");
        assertThat(api.get("/api/v1/assessments/instruments", other.token())
                        .json()
                        .path("data")
                        .valueStream()
                        .map(i -> i.path("code").asString()))
                .as("another organization's")
                .doesNotContain("sleep-intake");

        assertThat(api.delete("/api/v1/assessments/questionnaires/sleep-intake", owner.token())
                        .status())
                .isEqualTo(204);
        assertThat(invalidFields(take(eli, "sleep-intake", List.of(1, 1, 1)))).containsExactly("instrument");
        JsonNode history = api.get("/api/v1/assessments?instrument=sleep-intake", eli.token())
                .json()
                .path("data");
        assertThat(history.get(0).path("bandLabel").asString())
                .as("kept after retiring")
                .isEqualTo("High");
    }

    private JsonNode queue(Owner owner) {
        return api.get("/api/v1/chat/sessions", owner.token()).json().path("queue");
    }

    private long count(UUID org) {
        return jdbc.sql("SELECT count(*) FROM assessments WHERE org_id = :org")
                .param("org", org)
                .query(Long.class)
                .single();
    }
}
