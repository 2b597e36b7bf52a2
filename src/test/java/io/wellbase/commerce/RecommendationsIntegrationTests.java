package io.wellbase.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations on a small example worked out by hand, favorites, and routines from staff templates.
 *
 * <p>Tess bought a serum (lasting 60 days) 55 days ago. Three other clients bought the serum; all three also bought
 * the cleanser, two the toner. Tess's skin type is dry, which the mask is for; her active treatment plan has a
 * facial, which uses the ampoule. Expected, with a minimum support of 3: cleanser bought together (3 of 3 = 1.0),
 * serum to replenish (0.5 + 0.5 × 55/60 = 0.96), ampoule for the treatment (0.7), mask for her profile (0.6); the
 * toner (support 2) not at all.
 */
class RecommendationsIntegrationTests extends CommerceTest {

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void bought(Owner owner, UUID shop, UUID client, Map<UUID, Integer> items) {
        Api.Response placed = order(owner.token(), shop, client, items);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        api.post("/api/v1/payments", Map.of("orderId", placed.id(), "method", "cash"), owner.token());
    }

    @Test
    void recommendationsFollowTheHandComputedExample() {
        Owner owner = ownerWithOrganization("Reco Clinic");
        UUID shop = location(owner);
        UUID serum = product(owner, "SERUM", 4000, Map.of("title", "Serum", "lastsDays", 60, "trackStock", false));
        UUID cleanser = product(owner, "CLEAN", 1500, Map.of("title", "Cleanser", "trackStock", false));
        UUID toner = product(owner, "TONER", 1200, Map.of("title", "Toner", "trackStock", false));
        UUID mask = product(
                owner,
                "MASK",
                2500,
                Map.of(
                        "title",
                        "Mask",
                        "trackStock",
                        false,
                        "attributes",
                        Map.of("skinTypes", List.of("Dry", "sensitive"))));
        UUID ampoule = product(owner, "AMP", 3500, Map.of("title", "Ampoule", "trackStock", false));
        product(
                owner,
                "OILY",
                2500,
                Map.of(
                        "title",
                        "Oil control",
                        "trackStock",
                        false,
                        "attributes",
                        Map.of("skinTypes", List.of("oily"))));

        Client tess = client(owner, "Tess");
        api.post(
                "/api/v1/client-fields",
                Map.of("key", "skin_type", "label", "Skin type", "type", "text"),
                owner.token());
        assertThat(api.patch(
                                "/api/v1/clients/" + tess.id(),
                                Map.of("customFields", Map.of("skin_type", "dry")),
                                owner.token())
                        .status())
                .isEqualTo(200);
        UUID facial = api.post(
                        "/api/v1/services",
                        Map.of("name", "Facial", "durationMinutes", 60, "priceAmount", 8000, "currency", "EUR"),
                        owner.token())
                .id();
        api.put(
                "/api/v1/services/" + facial + "/products",
                Map.of("products", List.of(Map.of("productId", ampoule, "quantity", 1))),
                owner.token());
        Api.Response plan = api.post(
                "/api/v1/treatments",
                Map.of(
                        "clientId",
                        tess.id(),
                        "name",
                        "Glow",
                        "startsOn",
                        LocalDate.now().toString(),
                        "status",
                        "active",
                        "milestones",
                        List.of(Map.of(
                                "title",
                                "Facial",
                                "dueOn",
                                LocalDate.now().plusDays(14).toString(),
                                "serviceId",
                                facial))),
                owner.token());
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);

        clock.fixAt(Instant.now().minus(Duration.ofDays(55)));
        bought(owner, shop, tess.id(), Map.of(serum, 1));
        for (int i = 0; i < 3; i++) {
            UUID other = api.post("/api/v1/clients", Map.of("firstName", "O" + i, "lastName", "Other"), owner.token())
                    .id();
            bought(owner, shop, other, i < 2 ? Map.of(serum, 1, cleanser, 1, toner, 1) : Map.of(serum, 1, cleanser, 1));
        }
        UUID loner = api.post("/api/v1/clients", Map.of("firstName", "L", "lastName", "Other"), owner.token())
                .id();
        bought(owner, shop, loner, Map.of(cleanser, 1, toner, 1));
        clock.reset();

        JsonNode got = api.get("/api/v1/user/products/recommended", tess.token())
                .json()
                .path("data");
        assertThat(got.valueStream()
                        .map(r -> r.path("sku").asString() + ":"
                                + r.path("reason").asString() + ":"
                                + r.path("confidence").asDouble()))
                .containsExactly(
                        "CLEAN:bought_together:1.0", "SERUM:replenish:0.96", "AMP:treatment:0.7", "MASK:profile:0.6");
        assertThat(got.get(0).path("because").asString()).isEqualTo("3 of 3 clients who bought Serum also bought this");
        assertThat(got.get(1).path("because").asString()).isEqualTo("You bought this 55 days ago; it lasts about 60");

        // a new order of hers drops the cached answer: the mask, once bought, is no longer suggested for her profile
        bought(owner, shop, tess.id(), Map.of(mask, 1));
        assertThat(api.get("/api/v1/user/products/recommended", tess.token())
                        .json()
                        .path("data")
                        .valueStream()
                        .map(r -> r.path("sku").asString()))
                .containsExactly("CLEAN", "SERUM", "AMP");
        assertThat(api.get("/api/v1/user/products/recommended", owner.token()).status())
                .isEqualTo(403);
    }

    @Test
    void favoritesAndRoutines() {
        Owner owner = ownerWithOrganization("Routine Clinic");
        Member instructor = memberWithRole(owner, "staff");
        UUID cleanser = product(owner, "C", 1500, Map.of("title", "Cleanser"));
        UUID spf = product(owner, "SPF", 2500, Map.of("title", "Sunscreen"));
        Client ann = client(owner, "Ann");
        Client bea = client(owner, "Bea");

        assertThat(api.post(
                                "/api/v1/user/products/favorites",
                                Map.of("productId", cleanser, "inRoutine", true),
                                ann.token())
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/user/products/favorites", Map.of("productId", UUID.randomUUID()), ann.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.patch(
                                "/api/v1/user/products/favorites/" + cleanser,
                                Map.of("notes", "morning only"),
                                ann.token())
                        .field("notes"))
                .isEqualTo("morning only");
        assertThat(api.get("/api/v1/user/products/favorites", bea.token())
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(api.delete("/api/v1/user/products/favorites/" + cleanser, bea.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/user/products/favorites", ann.token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("inRoutine")
                        .asBoolean())
                .isTrue();

        Map<String, Object> template = Map.of(
                "name",
                "Morning",
                "published",
                true,
                "steps",
                List.of(Map.of("productId", cleanser, "instructions", "Massage in"), Map.of("productId", spf)));
        assertThat(api.post("/api/v1/routines", template, instructor.token()).status())
                .isEqualTo(403);
        Api.Response t = api.post("/api/v1/routines", template, owner.token());
        assertThat(t.status()).as(t.toString()).isEqualTo(201);
        assertThat(invalidFields(
                        api.post("/api/v1/routines", Map.of("name", "Bad", "steps", List.of(Map.of())), owner.token())))
                .containsExactly("steps[0]");
        Api.Response assigned =
                api.post("/api/v1/routines/" + t.id() + "/assign", Map.of("clientId", bea.id()), instructor.token());
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        Api.Response own = api.post(
                "/api/v1/routines",
                Map.of("name", "Evening", "steps", List.of(Map.of("instructions", "Rest"))),
                ann.token());
        assertThat(own.status()).isEqualTo(201);

        JsonNode beas = api.get("/api/v1/routines", bea.token()).json();
        assertThat(beas.path("data").size()).isEqualTo(1);
        assertThat(beas.path("data").get(0).path("steps").size()).isEqualTo(2);
        assertThat(beas.path("templates").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/routines/" + own.id(), bea.token()).status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/routines/" + own.id(), Map.of("name", "Mine"), bea.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/routines/" + t.id(), Map.of("name", "Mine"), ann.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/routines/" + own.id(), Map.of("name", "Night"), ann.token())
                        .field("name"))
                .isEqualTo("Night");
        assertThat(api.get("/api/v1/routines?clientId=" + ann.id(), instructor.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        assertThat(api.delete("/api/v1/routines/" + own.id(), ann.token()).status())
                .isEqualTo(204);
        Owner other = ownerWithOrganization("Other Routine");
        assertThat(api.get("/api/v1/routines/" + t.id(), other.token()).status())
                .isEqualTo(404);
    }
}
