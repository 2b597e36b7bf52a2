package io.wellbase.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wellbase.dataexchange.ImportTest;
import io.wellbase.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The question endpoint with a language model configured, against a local stand-in of the OpenAI chat API
 * (WireMock) that answers with tool calls, honest and malicious: the model's spec runs only after the same
 * checks as the parser's, a forbidden or unknown figure is refused, an unknown tool is refused, and a model that
 * fails or answers in prose leaves the question to the built-in parser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskModelIntegrationTests extends ImportTest {

    static final WireMockServer MODEL =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        MODEL.start();
    }

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("wellbase.insights.llm.base-url", () -> "http://127.0.0.1:" + MODEL.port() + "/v1");
        registry.add("wellbase.insights.llm.api-key", () -> "test-key");
        registry.add("wellbase.insights.llm.timeout", () -> "5s");
    }

    private Owner owner;
    private LocalDate lastMonth;
    private long yogaVisits;

    @BeforeAll
    void seed() {
        api = new Api(port);
        owner = ownerWithOrganization("Model Studio");
        lastMonth = LocalDate.now(ZoneId.of("Europe/Berlin")).withDayOfMonth(1).minusMonths(1);
        load(
                "clients",
                "Client ID,First Name,Last Name,Email\nM-1,Mo,Del,m1@example.test\nM-2,Lu,Ka,m2@example.test\n");
        StringBuilder visits = new StringBuilder(
                "Visit ID,Client ID,Visit Date,Visit Time,Class Name,Staff,Location,Late Cancel,No Show\n");
        for (int d = 0; d < 10; d++) {
            String type = d % 2 == 0 ? "Yoga Flow" : "Barre";
            visits.append("MV-%d,M-%d,%s,09:00,%s,,Main,No,No\n".formatted(d, 1 + d % 2, lastMonth.plusDays(d), type));
            yogaVisits += type.equals("Yoga Flow") ? 1 : 0;
        }
        load("visits", visits.toString());
        stub(
                "yoga please",
                toolCall(
                        "run_query",
                        Map.of(
                                "metrics", java.util.List.of("visits"),
                                "filters", Map.of("classType", java.util.List.of("yoga flow")),
                                "timeRange",
                                        Map.of(
                                                "from",
                                                lastMonth.toString(),
                                                "to",
                                                lastMonth
                                                        .plusMonths(1)
                                                        .minusDays(1)
                                                        .toString()))));
        stub("money please", toolCall("run_query", Map.of("metrics", java.util.List.of("revenue"))));
        stub(
                "inject please",
                toolCall(
                        "run_query",
                        Map.of(
                                "metrics", java.util.List.of("visits; DROP TABLE bookings"),
                                "filters",
                                        Map.of("org_id", java.util.List.of("00000000-0000-0000-0000-000000000000")))));
        stub("sql please", toolCall("execute_sql", Map.of("sql", "DELETE FROM bookings")));
        stub("prose please", """
                {"id":"c1","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"You had 12 visits."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""");
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("broken please"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"down\"}}")));
    }

    @AfterAll
    void stop() {
        MODEL.stop();
    }

    private void load(String kind, String csv) {
        JsonNode job =
                importAndWait(owner.token(), kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
    }

    private static void stub(String question, String body) {
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(question))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private static String toolCall(String name, Map<String, Object> arguments) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> call = Map.of(
                "id",
                "call_1",
                "type",
                "function",
                "function",
                Map.of("name", name, "arguments", json.writeValueAsString(arguments)));
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", null);
        message.put("tool_calls", java.util.List.of(call));
        return json.writeValueAsString(Map.of(
                "id",
                "chatcmpl-1",
                "object",
                "chat.completion",
                "created",
                1,
                "model",
                "test-model",
                "choices",
                java.util.List.of(Map.of("index", 0, "message", message, "finish_reason", "tool_calls")),
                "usage",
                Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
    }

    private JsonNode ask(String token, String question) {
        Api.Response r = api.post("/api/v1/insights/ask", Map.of("question", question), token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theModelsSpecRunsThroughTheSemanticLayer() {
        JsonNode answer = ask(owner.token(), "yoga please");
        assertThat(answer.path("source").asString()).isEqualTo("model");
        assertThat(answer.path("kind").asString()).isEqualTo("answer");
        assertThat(answer.path("data").get(0).path("visits").asLong()).isEqualTo(yogaVisits);
        MODEL.verify(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                        .withRequestBody(containing("run_query"))
                        .withRequestBody(containing("Yoga Flow")));
    }

    @Test
    void maliciousToolCallsChangeNothing() {
        Member desk = memberWithRole(owner, "front_desk");
        JsonNode money = ask(desk.token(), "money please");
        assertThat(money.path("kind").asString()).isEqualTo("refusal");
        assertThat(money.path("data")).isEmpty();
        JsonNode injected = ask(owner.token(), "inject please");
        assertThat(injected.path("kind").asString()).isEqualTo("clarification");
        assertThat(injected.path("data")).isEmpty();
        JsonNode sql = ask(owner.token(), "sql please");
        assertThat(sql.path("kind").asString()).isEqualTo("refusal");
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
    }

    @Test
    void aModelThatFailsOrTalksLeavesTheQuestionToTheParser() {
        JsonNode prose = ask(owner.token(), "visits last month, prose please");
        assertThat(prose.path("source").asString()).isEqualTo("parser");
        assertThat(prose.path("data").get(0).path("visits").asLong()).isEqualTo(10);
        JsonNode broken = ask(owner.token(), "visits last month, broken please");
        assertThat(broken.path("source").asString()).isEqualTo("parser");
        assertThat(broken.path("kind").asString()).isEqualTo("answer");
        assertThat(broken.path("note").asString()).isEqualTo("the model could not be used");
    }
}
