package io.wellbase.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.care.internal.treatments.FollowUps;
import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Treatment plans and consultations through HTTP: staff with treatment.manage write them (bad fields named, the
 * plan's states guarded), the front desk may not, their client reads them (without the staff's notes), another
 * organization sees nothing; a milestone with a service suggests an appointment; a follow-up reminds the client on
 * its day, once.
 */
class TreatmentsIntegrationTests extends OrganizationTest {

    @Autowired
    FollowUps followUps;

    private record Client(UUID id, String token) {}

    private Client client(Owner owner, String name) {
        String email = uniqueEmail(name);
        UUID id = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", name, "lastName", "Patient", "email", email),
                        owner.token())
                .id();
        return new Client(id, portalToken(owner, id, email));
    }

    @Test
    void aPlanWithMilestonesMovesThroughItsStatesAndSuggestsAppointments() {
        Owner owner = ownerWithOrganization("Skin Clinic");
        Client pia = client(owner, "Pia");
        Member therapist = memberWithRole(owner, "staff");
        Member desk = memberWithRole(owner, "front_desk");
        UUID facial = api.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "Hydrating facial",
                                "durationMinutes",
                                60,
                                "priceAmount",
                                8000,
                                "currency",
                                "EUR"),
                        owner.token())
                .id();
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Map<String, Object> bad = Map.of(
                "clientId",
                UUID.randomUUID(),
                "name",
                "Acne care",
                "startsOn",
                "soon",
                "milestones",
                List.of(Map.of(
                        "title",
                        "First facial",
                        "dueOn",
                        start.plusDays(7).toString(),
                        "serviceId",
                        UUID.randomUUID())));
        Api.Response refused = api.post("/api/v1/treatments", bad, therapist.token());
        assertThat(invalidFields(refused)).containsExactlyInAnyOrder("clientId", "startsOn", "serviceId");
        assertThat(api.post("/api/v1/treatments", bad, desk.token()).field("code"))
                .isEqualTo("auth.forbidden");

        Api.Response created = api.post(
                "/api/v1/treatments",
                Map.of(
                        "clientId",
                        pia.id(),
                        "name",
                        "Acne care",
                        "startsOn",
                        start.toString(),
                        "durationWeeks",
                        8,
                        "milestones",
                        List.of(
                                Map.of(
                                        "title",
                                        "First facial",
                                        "dueOn",
                                        start.plusDays(7).toString(),
                                        "serviceId",
                                        facial),
                                Map.of(
                                        "title",
                                        "Review photos",
                                        "dueOn",
                                        start.plusDays(28).toString()),
                                Map.of(
                                        "title",
                                        "Second facial",
                                        "dueOn",
                                        start.plusDays(42).toString(),
                                        "serviceId",
                                        facial))),
                therapist.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String plan = created.field("plan.id");
        assertThat(created.field("plan.status")).isEqualTo("active");
        JsonNode first = created.json().path("milestones").get(0);
        assertThat(first.path("suggestedAppointment").path("serviceName").asString())
                .isEqualTo("Hydrating facial");
        assertThat(first.path("suggestedAppointment").path("availability").asString())
                .isEqualTo("/api/v1/availability?serviceId=" + facial + "&from=" + start.plusDays(4) + "&to="
                        + start.plusDays(10));
        assertThat(created.json()
                                .path("milestones")
                                .get(1)
                                .path("suggestedAppointment")
                                .isMissingNode()
                        || created.json()
                                .path("milestones")
                                .get(1)
                                .path("suggestedAppointment")
                                .isNull())
                .isTrue();
        assertThat(api.get(
                                "/api/v1/availability?serviceId=" + facial + "&from=" + start.plusDays(4) + "&to="
                                        + start.plusDays(10),
                                pia.token())
                        .status())
                .as("the suggested link answers")
                .isEqualTo(200);

        String m1 = first.path("milestone").path("id").asString();
        String m2 = created.json()
                .path("milestones")
                .get(1)
                .path("milestone")
                .path("id")
                .asString();
        Api.Response done =
                api.patch("/api/v1/treatments/milestones/" + m1, Map.of("status", "done"), therapist.token());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().path("progress").path("percent").asInt()).isEqualTo(33);
        assertThat(api.patch("/api/v1/treatments/milestones/" + m2, Map.of("status", "skipped"), therapist.token())
                        .json()
                        .path("progress")
                        .path("percent")
                        .asInt())
                .as("skipped ones do not count")
                .isEqualTo(50);
        assertThat(invalidFields(
                        api.patch("/api/v1/treatments/milestones/" + m2, Map.of("status", "maybe"), therapist.token())))
                .containsExactly("status");

        JsonNode mine = api.get("/api/v1/treatments", pia.token()).json().path("data");
        assertThat(mine).hasSize(1);
        assertThat(api.get("/api/v1/treatments/" + plan + "/milestones", pia.token())
                        .json()
                        .path("data"))
                .hasSize(3);
        Client quinn = client(owner, "Quinn");
        assertThat(api.get("/api/v1/treatments/" + plan, quinn.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/treatments", quinn.token()).json().path("data"))
                .isEmpty();
        assertThat(api.get("/api/v1/treatments/" + plan, desk.token()).status()).isEqualTo(403);
        Owner other = ownerWithOrganization("Other Clinic");
        assertThat(api.get("/api/v1/treatments/" + plan, other.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/treatments/" + plan, therapist.token()).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :org AND action = 'treatment.viewed'")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(api.patch("/api/v1/treatments/" + plan, Map.of("status", "completed"), therapist.token())
                        .field("plan.status"))
                .isEqualTo("completed");
        Api.Response reopened = api.patch("/api/v1/treatments/" + plan, Map.of("status", "active"), therapist.token());
        assertThat(reopened.status()).isEqualTo(409);
        assertThat(reopened.field("code")).isEqualTo("treatment.invalid_transition");
    }

    @Test
    void aConsultationsFollowUpRemindsTheClientOnItsDayOnce() {
        Owner owner = ownerWithOrganization("Nutrition Practice");
        Client ray = client(owner, "Ray");
        Member coach = memberWithRole(owner, "staff");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Api.Response bad = api.post(
                "/api/v1/consultations",
                Map.of(
                        "clientId",
                        ray.id(),
                        "type",
                        "",
                        "heldOn",
                        today.toString(),
                        "advisorId",
                        UUID.randomUUID(),
                        "followUpOn",
                        today.minusDays(3).toString()),
                coach.token());
        assertThat(invalidFields(bad)).containsExactlyInAnyOrder("type", "advisorId", "followUpOn");
        Api.Response created = api.post(
                "/api/v1/consultations",
                Map.of(
                        "clientId", ray.id(),
                        "type", "nutrition",
                        "heldOn", today.minusDays(14).toString(),
                        "concerns", "Low energy in the afternoon",
                        "recommendations", "Protein at lunch; a walk after",
                        "followUpOn", today.toString(),
                        "notes", "Internal: check thyroid history"),
                coach.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.field("id");
        assertThat(created.field("advisorId")).isEqualTo(coach.userId().toString());
        api.post(
                "/api/v1/consultations",
                Map.of(
                        "clientId",
                        ray.id(),
                        "type",
                        "intake",
                        "heldOn",
                        today.minusDays(30).toString()),
                coach.token());

        JsonNode history = api.get("/api/v1/consultations", ray.token()).json().path("data");
        assertThat(history.findValuesAsString("type")).containsExactly("nutrition", "intake");
        assertThat(history.get(0).path("notes").isMissingNode())
                .as("staff notes are the staff's")
                .isTrue();
        assertThat(api.get("/api/v1/consultations/" + id, coach.token()).field("notes"))
                .isEqualTo("Internal: check thyroid history");
        assertThat(api.get("/api/v1/consultations?clientId=" + ray.id(), coach.token())
                        .json()
                        .path("data"))
                .hasSize(2);

        long before = count(owner);
        int told = followUps.tellDue();
        assertThat(told).isGreaterThanOrEqualTo(1);
        assertThat(count(owner)).isEqualTo(before + 1);
        assertThat(api.get("/api/v1/notifications", ray.token())
                        .json()
                        .path("data")
                        .findValuesAsString("type"))
                .contains("consultation.follow_up");
        followUps.tellDue();
        assertThat(count(owner)).as("once").isEqualTo(before + 1);

        Api.Response moved = api.patch(
                "/api/v1/consultations/" + id,
                Map.of("followUpOn", today.plusDays(30).toString()),
                coach.token());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("followUpToldOn").isMissingNode())
                .as("a new day to tell")
                .isTrue();
        followUps.tellDue();
        assertThat(count(owner)).as("not before its day").isEqualTo(before + 1);
    }

    private long count(Owner owner) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE org_id = :org AND type = 'consultation.follow_up'")
                .param("org", owner.orgId())
                .query(Long.class)
                .single();
    }
}
