package io.wellbase.care.internal.nutrition;

import io.wellbase.care.CareProperties;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The FatSecret Platform API behind {@link FoodDatabase}: an access token by OAuth 2 client credentials (scope
 * {@code basic}), kept until a minute before it expires, then {@code foods.search} and {@code food.get.v2} as JSON.
 * FatSecret answers one serving as an object and several as an array; both are read.
 */
@Component
class FatSecretFoods implements FoodDatabase {

    private static final Logger log = LoggerFactory.getLogger(FatSecretFoods.class);

    private final CareProperties.FatSecret settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private @Nullable String token;
    private Instant tokenUntil = Instant.EPOCH;

    FatSecretFoods(CareProperties properties, ObjectMapper json, Clock clock) {
        this.settings = properties.fatsecret();
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Answer<List<Found>> search(String query, int max) {
        return call("method=foods.search&format=json&max_results=" + max + "&search_expression="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .map(body -> {
                    List<Found> found = new ArrayList<>();
                    for (JsonNode f : list(body.path("foods").path("food"))) {
                        found.add(new Found(
                                f.path("food_id").asString(),
                                f.path("food_name").asString(),
                                f.path("brand_name").isString()
                                        ? f.path("brand_name").asString()
                                        : null,
                                f.path("food_description").asString("")));
                    }
                    return (Answer<List<Found>>) new Answer.Ok<>(List.copyOf(found));
                })
                .orElseGet(() -> new Answer.Unavailable<>("the food database did not answer"));
    }

    @Override
    public Answer<Food> food(String id) {
        return call("method=food.get.v2&format=json&food_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .map(body -> {
                    JsonNode food = body.path("food");
                    if (food.isMissingNode() || body.path("error").isObject()) {
                        return (Answer<Food>) new Answer.NotFound<Food>();
                    }
                    List<Serving> servings = new ArrayList<>();
                    for (JsonNode s : list(food.path("servings").path("serving"))) {
                        servings.add(new Serving(
                                s.path("serving_id").asString(),
                                s.path("serving_description").asString(""),
                                number(s.path("calories")),
                                number(s.path("protein")),
                                number(s.path("carbohydrate")),
                                number(s.path("fat"))));
                    }
                    return new Answer.Ok<>(new Food(
                            food.path("food_id").asString(),
                            food.path("food_name").asString(),
                            servings));
                })
                .orElseGet(() -> new Answer.Unavailable<>("the food database did not answer"));
    }

    private java.util.Optional<JsonNode> call(String query) {
        try {
            String bearer = token();
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + "?" + query))
                    .timeout(settings.timeout())
                    .header("Authorization", "Bearer " + bearer)
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                synchronized (this) {
                    token = null;
                }
            }
            if (response.statusCode() / 100 != 2) {
                log.warn("FatSecret answered {} to {}", response.statusCode(), query.split("&")[0]);
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(json.readTree(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (Exception e) {
            log.warn("FatSecret could not be reached: {}", e.toString());
            return java.util.Optional.empty();
        }
    }

    private synchronized String token() throws Exception {
        if (token != null && clock.instant().isBefore(tokenUntil)) {
            return token;
        }
        String basic = Base64.getEncoder()
                .encodeToString((settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(settings.timeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=basic"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        token = body.path("access_token").asString();
        tokenUntil =
                clock.instant().plusSeconds(Math.max(60, body.path("expires_in").asLong(3600)) - 60);
        return token;
    }

    private static List<JsonNode> list(JsonNode node) {
        if (node.isArray()) {
            return node.valueStream().toList();
        }
        return node.isObject() ? List.of(node) : List.of();
    }

    private static @Nullable BigDecimal number(JsonNode n) {
        try {
            return n.isMissingNode() || n.isNull() ? null : new BigDecimal(n.asString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
