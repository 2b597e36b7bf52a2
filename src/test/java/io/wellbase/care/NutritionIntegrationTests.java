package io.wellbase.care;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The food diary through HTTP: entries by hand, a MyFitnessPal export in UTF-16 (imported twice: replaced, not
 * doubled; bad figures kept as empty with a warning), daily totals equal to the rows written, a coach reading it
 * only while shared; and foods from a local stand-in of the FatSecret Platform API (OAuth 2 client credentials,
 * the token reused, one serving as an object or several as an array, the API down).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NutritionIntegrationTests extends OrganizationTest {

    static final WireMockServer FATSECRET =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        FATSECRET.start();
    }

    @DynamicPropertySource
    static void fatsecret(DynamicPropertyRegistry registry) {
        registry.add("wellbase.care.fatsecret.client-id", () -> "wellbase-test");
        registry.add("wellbase.care.fatsecret.client-secret", () -> "s3cret");
        registry.add(
                "wellbase.care.fatsecret.token-url", () -> "http://127.0.0.1:" + FATSECRET.port() + "/connect/token");
        registry.add(
                "wellbase.care.fatsecret.api-url", () -> "http://127.0.0.1:" + FATSECRET.port() + "/rest/server.api");
    }

    @AfterAll
    void stop() {
        FATSECRET.stop();
    }

    private record Client(UUID id, String token) {}

    private Client client(Owner owner, String name) {
        String email = uniqueEmail(name);
        UUID id = api.post(
                        "/api/v1/clients", Map.of("firstName", name, "lastName", "Eats", "email", email), owner.token())
                .id();
        return new Client(id, portalToken(owner, id, email));
    }

    @Test
    void aDiaryByHandAndFromAMyFitnessPalExport() {
        Owner owner = ownerWithOrganization("Nutrition Coach");
        Client wes = client(owner, "Wes");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate yesterday = today.minusDays(1);
        Api.Response lunch = api.post(
                "/api/v1/nutrition/entries",
                Map.of(
                        "day",
                        today.toString(),
                        "meal",
                        "lunch",
                        "food",
                        "Lentil soup",
                        "calories",
                        420,
                        "protein",
                        21.5,
                        "carbs",
                        55,
                        "fat",
                        9),
                wes.token());
        assertThat(lunch.status()).as(lunch.toString()).isEqualTo(201);
        assertThat(invalidFields(api.post(
                        "/api/v1/nutrition/entries",
                        Map.of("meal", "brunch", "food", "", "calories", -5),
                        wes.token())))
                .containsExactlyInAnyOrder("meal", "food", "calories");

        String csv = "Date,Meal,Calories,Fat (g),Carbohydrates (g),Protein (g),Note\r\n"
                + yesterday + ",Breakfast,350,12,40,18,\r\n"
                + yesterday + ",Snacks,\"1,200\",30,150,20,party\r\n"
                + yesterday + ",Dinner,six hundred,20,70,35,\r\n"
                + "someday,Lunch,500,10,60,30,\r\n";
        byte[] utf16 = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE);
        Api.Response imported =
                api.upload("/api/v1/nutrition/import/myfitnesspal", Map.of(), "mfp.csv", utf16, wes.token());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
        assertThat(imported.json().path("warnings").valueStream().map(JsonNode::asString))
                .anyMatch(w -> w.startsWith("line 4: Calories"))
                .anyMatch(w -> w.startsWith("line 5: no readable date"));
        api.upload("/api/v1/nutrition/import/myfitnesspal", Map.of(), "mfp.csv", utf16, wes.token());
        JsonNode entries = api.get("/api/v1/nutrition/entries?from=" + yesterday + "&to=" + today, wes.token())
                .json()
                .path("data");
        assertThat(entries).as("imported twice, stored once").hasSize(4);
        assertThat(entries.findValuesAsString("meal")).containsExactly("breakfast", "dinner", "snack", "lunch");

        JsonNode summary = api.get("/api/v1/nutrition/summary?from=" + yesterday + "&to=" + today, wes.token())
                .json();
        JsonNode first = summary.path("days").get(0);
        assertThat(first.path("day").asString()).isEqualTo(yesterday.toString());
        assertThat(first.path("calories").decimalValue()).isEqualByComparingTo(new BigDecimal("1550"));
        assertThat(first.path("protein").decimalValue()).isEqualByComparingTo(new BigDecimal("73"));
        assertThat(first.path("caloriesByMeal").path("snack").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1200"));
        assertThat(summary.path("days").get(1).path("calories").decimalValue())
                .isEqualByComparingTo(new BigDecimal("420"));
        assertThat(summary.path("averageCalories").decimalValue()).isEqualByComparingTo(new BigDecimal("985.0"));
        assertThat(invalidFields(api.upload(
                        "/api/v1/nutrition/import/myfitnesspal",
                        Map.of(),
                        "x.csv",
                        "a,b\n1,2\n".getBytes(),
                        wes.token())))
                .containsExactly("file");

        Member coach = memberWithRole(owner, "staff");
        String path = "/api/v1/clients/" + wes.id() + "/nutrition/summary?from=" + yesterday + "&to=" + today;
        assertThat(api.get(path, coach.token()).status()).isEqualTo(404);
        api.put("/api/v1/care/sharing", Map.of("nutrition", true), wes.token());
        assertThat(api.get(path, coach.token()).json().path("days")).hasSize(2);
    }

    @Test
    void foodsComeFromTheFatSecretStandIn() {
        FATSECRET.resetAll();
        FATSECRET.stubFor(post(urlPathEqualTo("/connect/token"))
                .withHeader("Authorization", equalTo("Basic d2VsbGJhc2UtdGVzdDpzM2NyZXQ="))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"tok-1\",\"expires_in\":86400,\"token_type\":\"Bearer\"}")));
        FATSECRET.stubFor(get(urlPathEqualTo("/rest/server.api"))
                .withQueryParam("method", equalTo("foods.search"))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"foods":{"food":{"food_id":"33691","food_name":"Banana","food_type":"Generic",
                          "food_description":"Per 100g - Calories: 89kcal | Fat: 0.33g | Carbs: 22.84g | Protein: 1.09g"},
                          "max_results":"20","page_number":"0","total_results":"1"}}""")));
        FATSECRET.stubFor(get(urlPathEqualTo("/rest/server.api"))
                .withQueryParam("method", equalTo("food.get.v2"))
                .withQueryParam("food_id", equalTo("33691"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"food":{"food_id":"33691","food_name":"Banana","servings":{"serving":[
                          {"serving_id":"1","serving_description":"1 medium","calories":"105","carbohydrate":"26.95",
                           "protein":"1.29","fat":"0.39"},
                          {"serving_id":"2","serving_description":"100 g","calories":"89","carbohydrate":"22.84",
                           "protein":"1.09","fat":"0.33"}]}}}""")));
        FATSECRET.stubFor(get(urlPathEqualTo("/rest/server.api"))
                .withQueryParam("method", equalTo("food.get.v2"))
                .withQueryParam("food_id", equalTo("0"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":106,\"message\":\"Invalid ID\"}}")));
        Owner owner = ownerWithOrganization("FatSecret Coach");
        Client xia = client(owner, "Xia");
        JsonNode found =
                api.get("/api/v1/nutrition/foods?q=banana", xia.token()).json().path("data");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("name").asString()).isEqualTo("Banana");
        Api.Response added = api.post(
                "/api/v1/nutrition/entries",
                Map.of("meal", "snack", "fatsecretFoodId", "33691", "servingId", "1", "servings", 2),
                xia.token());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.field("food")).isEqualTo("Banana");
        assertThat(added.field("quantity")).isEqualTo("2 × 1 medium");
        assertThat(added.json().path("calories").decimalValue()).isEqualByComparingTo(new BigDecimal("210.0"));
        assertThat(added.json().path("carbs").decimalValue()).isEqualByComparingTo(new BigDecimal("53.9"));
        assertThat(added.field("source")).isEqualTo("fatsecret");
        assertThat(invalidFields(api.post(
                        "/api/v1/nutrition/entries", Map.of("meal", "snack", "fatsecretFoodId", "0"), xia.token())))
                .containsExactly("fatsecretFoodId");
        FATSECRET.verify(1, postRequestedFor(urlPathEqualTo("/connect/token")));
        FATSECRET.verify(3, getRequestedFor(urlPathEqualTo("/rest/server.api")));

        FATSECRET.stubFor(get(urlPathEqualTo("/rest/server.api"))
                .withQueryParam("method", equalTo("foods.search"))
                .willReturn(aResponse().withStatus(503)));
        Api.Response down = api.get("/api/v1/nutrition/foods?q=apple", xia.token());
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.field("code")).isEqualTo("nutrition.food_database_unavailable");
    }
}
