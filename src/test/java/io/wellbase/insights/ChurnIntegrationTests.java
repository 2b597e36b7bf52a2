package io.wellbase.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The churn model on a generated studio with known leavers: trained on its own history with a time split,
 * it must reach AUC ≥ 0.85 and precision ≥ 0.5 in the top 10 % on the held-out day and rank better than the
 * rules; the clients it lists first are mostly the ones who do leave, each with reasons in words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChurnIntegrationTests extends OrganizationTest {

    private Owner owner;
    private List<ChurnStudio.Client> clients;
    private LocalDate today;

    @BeforeAll
    void seed() {
        api = new Api(port);
        owner = ownerWithOrganization("Churn Studio");
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        clients = new ChurnStudio(jdbc, owner.orgId(), today, 42).generate(800);
    }

    @Test
    void theModelBeatsTheRulesOnTheHeldOutMonth() {
        Api.Response r = api.post("/api/v1/predictions/churn/model/retrain", Map.of(), owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode page = r.json();
        System.out.println("churn model on the generated studio: " + page);
        assertThat(page.path("method").asString()).isEqualTo("logistic_regression");
        assertThat(page.path("heldOutDay").asString())
                .isEqualTo(today.minusDays(30).toString());
        assertThat(page.path("quality").path("auc").asDouble()).isGreaterThanOrEqualTo(0.85);
        assertThat(page.path("quality").path("precisionAt10").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(page.path("quality").path("auc").asDouble())
                .isGreaterThan(page.path("rules").path("auc").asDouble());
        assertThat(page.path("weights").size()).isEqualTo(16);
        assertThat(api.get("/api/v1/predictions/churn/model", owner.token()).field("method"))
                .isEqualTo("logistic_regression");
    }

    @Test
    void theClientsListedFirstAreMostlyLeaversWithReasons() {
        Api.Response r = api.get("/api/v1/predictions/churn?minScore=0&limit=40", owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode listed = r.json().path("clients");
        assertThat(listed).hasSize(40);
        Set<UUID> leaving = clients.stream()
                .filter(c -> c.leaves() != null
                        && !c.leaves().isAfter(today.plusDays(30))) // no visit in the 30 days from today
                .map(ChurnStudio.Client::id)
                .collect(Collectors.toSet());
        long hits = listed.valueStream()
                .filter(c -> leaving.contains(UUID.fromString(c.path("clientId").asString())))
                .count();
        assertThat(hits).as("known leavers among the 40 listed first").isGreaterThanOrEqualTo(20);
        double previous = 1;
        for (JsonNode c : listed) {
            assertThat(c.path("probability").asDouble()).isBetween(0.0, previous);
            previous = c.path("probability").asDouble();
        }
        assertThat(listed.get(0).path("reasons")).isNotEmpty();
        assertThat(listed.get(0).path("reasons").get(0).asString())
                .matches(".*(days|membership|visits|late|credits|no-shows|new client).*");
        Api.Response bad = api.get("/api/v1/predictions/churn?minScore=2", owner.token());
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void aStudioWithoutHistoryGetsTheRulesAndSaysWhy() {
        Owner fresh = ownerWithOrganization("No History");
        Api.Response r = api.get("/api/v1/predictions/churn/model", fresh.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.field("method")).isEqualTo("rules");
        assertThat(r.field("note")).startsWith("Too little history");
        assertThat(api.get("/api/v1/predictions/churn", fresh.token()).json().path("clients"))
                .isEmpty();
    }
}
