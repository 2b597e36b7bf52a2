package io.wellbase.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The advisor without a model: a question is accepted (202) and answered by the job from the organization's own
 * programs and breathing exercises, never with a diagnosis; a message about self-harm is routed to a counselor in
 * the same request and answered with the crisis line; only the client who asked sees the session.
 */
class AdvisorIntegrationTests extends OrganizationTest {

    private record Client(UUID id, String token) {}

    private Client client(Owner owner, String name) {
        String email = uniqueEmail(name);
        UUID id = api.post(
                        "/api/v1/clients", Map.of("firstName", name, "lastName", "Asks", "email", email), owner.token())
                .id();
        return new Client(id, portalToken(owner, id, email));
    }

    static JsonNode awaitAnswered(Api api, String token, String id) throws InterruptedException {
        JsonNode s = api.get("/api/v1/ai/sessions/" + id, token).json();
        for (int i = 0; i < 150 && s.path("status").asString().equals("queued"); i++) {
            Thread.sleep(100);
            s = api.get("/api/v1/ai/sessions/" + id, token).json();
        }
        return s;
    }

    @Test
    void theRulesAnswerFromTheStudiosOwnContent() throws InterruptedException {
        Owner owner = ownerWithOrganization("Advisor Studio");
        Client sam = client(owner, "Sam");
        String program = api.post(
                        "/api/v1/programs",
                        Map.of(
                                "title", "Sleep Better",
                                "category", "sleep",
                                "description", "Two weeks of evening routines for deeper sleep. Ten minutes a night.",
                                "modules", List.of(Map.of("title", "Wind down", "type", "audio"))),
                        owner.token())
                .field("program.id");
        Api.Response asked = api.post(
                "/api/v1/ai/sessions",
                Map.of("type", "instant", "input", "I can't sleep at night, any tips?"),
                sam.token());
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.field("status")).isEqualTo("queued");
        JsonNode answered = awaitAnswered(api, sam.token(), asked.field("id"));
        assertThat(answered.path("status").asString()).as(answered.toString()).isEqualTo("answered");
        assertThat(answered.path("method").asString()).isEqualTo("rules");
        assertThat(answered.path("answer").asString())
                .contains("Sleep Better")
                .contains("4-7-8 breathing")
                .contains("not a diagnosis");
        assertThat(answered.path("sources").valueStream().map(JsonNode::asString))
                .contains("program:" + program, "breathing:4-7-8");

        Api.Response rated = api.post(
                "/api/v1/ai/sessions/" + asked.field("id") + "/feedback",
                Map.of("rating", 5, "comment", "helpful"),
                sam.token());
        assertThat(rated.json().path("rating").asInt()).isEqualTo(5);
        assertThat(api.post("/api/v1/ai/sessions/" + asked.field("id") + "/feedback", Map.of("rating", 9), sam.token())
                        .status())
                .isEqualTo(400);
        Client tia = client(owner, "Tia");
        assertThat(api.get("/api/v1/ai/sessions/" + asked.field("id"), tia.token())
                        .status())
                .isEqualTo(404);
        assertThat(invalidFields(api.post("/api/v1/ai/sessions", Map.of("input", " "), sam.token())))
                .containsExactly("input");
        assertThat(invalidFields(api.post("/api/v1/ai/sessions", Map.of("type", "oracle", "input", "hi"), sam.token())))
                .containsExactly("type");
        assertThat(api.post("/api/v1/ai/sessions", Map.of("input", "hello"), owner.token())
                        .status())
                .as("for clients")
                .isEqualTo(403);
    }

    @Test
    void aMessageAboutSelfHarmIsRoutedToACounselorInsteadOfAnswered() {
        Owner owner = ownerWithOrganization("Advisor Safety Studio");
        api.put(
                "/api/v1/chat/settings",
                Map.of("crisisLine", "Call 116 123 (Samaritans)", "onCallContacts", List.of()),
                owner.token());
        Client uma = client(owner, "Uma");
        Api.Response routed = api.post(
                "/api/v1/ai/sessions",
                Map.of("input", "honestly i just want to kill myself tonight, what stretches help with that"),
                uma.token());
        assertThat(routed.status()).as(routed.toString()).isEqualTo(202);
        assertThat(routed.field("status")).isEqualTo("routed");
        assertThat(routed.field("method")).isEqualTo("crisis_layer");
        assertThat(routed.field("crisisCategory")).isEqualTo("suicide");
        assertThat(routed.field("answer")).contains("Call 116 123 (Samaritans)").doesNotContain("stretch");
        JsonNode queue = api.get("/api/v1/chat/sessions", owner.token()).json().path("queue");
        assertThat(queue.findValuesAsString("id")).containsExactly(routed.field("supportSessionId"));
        assertThat(queue.get(0).path("priority").asString()).isEqualTo("emergency");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'care-advisor' AND task_instance = :id")
                        .param("id", routed.field("id"))
                        .query(Long.class)
                        .single())
                .as("nothing queued for an answer")
                .isZero();
    }
}
