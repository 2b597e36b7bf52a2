package io.wellbase.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue through HTTP: bad prices and fields are named, skus are unique per organization, lists filter by
 * text, tag, category (and below) and state, page by number or cursor; a client sees only active products; bulk
 * saves take the good rows and report the bad; another organization sees nothing.
 */
class CatalogueIntegrationTests extends CommerceTest {

    @Test
    void productsAreCheckedSavedListedAndDeleted() {
        Owner owner = ownerWithOrganization("Skin Shop");
        Member desk = memberWithRole(owner, "front_desk");
        Api.Response bad = api.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        "has space",
                        "title",
                        "",
                        "price",
                        Map.of("decimal", "12.999"),
                        "taxRate",
                        19.005,
                        "lastsDays",
                        0,
                        "attributes",
                        Map.of("skinTypes", List.of(1, 2)),
                        "categoryId",
                        UUID.randomUUID()),
                owner.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(invalidFields(bad))
                .containsExactlyInAnyOrder(
                        "sku", "title", "price.decimal", "taxRate", "lastsDays", "attributes.skinTypes", "categoryId");
        assertThat(invalidFields(api.post(
                        "/api/v1/products",
                        Map.of("sku", "A1", "title", "A", "price", Map.of("amount", 12.5)),
                        owner.token())))
                .containsExactly("price.amount");
        assertThat(invalidFields(api.post(
                        "/api/v1/products",
                        Map.of("sku", "A1", "title", "A", "price", Map.of("amount", 1250, "currency", "USD")),
                        owner.token())))
                .containsExactly("price.currency");
        assertThat(api.post(
                                "/api/v1/products",
                                Map.of("sku", "X", "title", "X", "price", Map.of("amount", 1)),
                                desk.token())
                        .status())
                .isEqualTo(403);

        UUID face = api.post("/api/v1/product-categories", Map.of("name", "Face"), owner.token())
                .id();
        UUID serums = api.post("/api/v1/product-categories", Map.of("name", "Serums", "parentId", face), owner.token())
                .id();
        assertThat(api.patch("/api/v1/product-categories/" + face, Map.of("parentId", serums), owner.token())
                        .field("code"))
                .isEqualTo("category.cycle");
        Api.Response serum = api.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        "SER-1",
                        "title",
                        "Vitamin C Serum",
                        "description",
                        "Brightening",
                        "price",
                        Map.of("decimal", "39.90"),
                        "taxRate",
                        19,
                        "categoryId",
                        serums,
                        "tags",
                        List.of("Vegan", "bestseller"),
                        "attributes",
                        Map.of("skinTypes", List.of("dry", "normal")),
                        "lastsDays",
                        60),
                owner.token());
        assertThat(serum.status()).as(serum.toString()).isEqualTo(201);
        assertThat(serum.json().path("price").path("amount").asLong()).isEqualTo(3990);
        assertThat(serum.json().path("price").path("currency").asString()).isEqualTo("EUR");
        assertThat(serum.json().path("tags").toString()).isEqualTo("[\"vegan\",\"bestseller\"]");
        assertThat(api.post(
                                "/api/v1/products",
                                Map.of("sku", "ser-1", "title", "Dup", "price", Map.of("amount", 1)),
                                owner.token())
                        .field("code"))
                .isEqualTo("product.sku_taken");
        UUID cleanser = product(owner, "CLN-1", 1500, Map.of("title", "Gentle Cleanser", "categoryId", face));
        UUID mat = product(owner, "MAT-1", 4900, Map.of("title", "Yoga Mat", "tags", List.of("vegan")));
        UUID old = product(owner, "OLD-1", 100, Map.of("title", "Old Serum Sample", "active", false));

        assertThat(titles(api.get("/api/v1/products?q=serum", owner.token())))
                .containsExactly("Old Serum Sample", "Vitamin C Serum");
        assertThat(titles(api.get("/api/v1/products?tag=vegan&sort=-price", owner.token())))
                .containsExactly("Yoga Mat", "Vitamin C Serum");
        assertThat(titles(api.get("/api/v1/products?category=" + face, owner.token())))
                .containsExactly("Gentle Cleanser", "Vitamin C Serum");
        assertThat(titles(api.get("/api/v1/products?isActive=false", owner.token())))
                .containsExactly("Old Serum Sample");
        Api.Response page = api.get("/api/v1/products?page_size=2", owner.token());
        assertThat(page.json().path("pagination").path("total").asLong()).isEqualTo(4);
        // by cursor, in creation order, across pages
        Api.Response first = api.get("/api/v1/products?cursor=&page_size=3", owner.token());
        Api.Response second =
                api.get("/api/v1/products?page_size=3&cursor=" + first.field("nextCursor"), owner.token());
        assertThat(first.json()
                        .path("data")
                        .valueStream()
                        .map(p -> p.path("sku").asString()))
                .containsExactly("SER-1", "CLN-1", "MAT-1");
        assertThat(second.json()
                        .path("data")
                        .valueStream()
                        .map(p -> p.path("sku").asString()))
                .containsExactly("OLD-1");
        assertThat(second.json().path("nextCursor").asString("")).isEmpty();
        assertThat(api.get("/api/v1/products?cursor=nope", owner.token()).status())
                .isEqualTo(400);

        Client ada = client(owner, "Ada");
        assertThat(titles(api.get("/api/v1/products?isActive=false", ada.token())))
                .doesNotContain("Old Serum Sample");
        assertThat(api.get("/api/v1/products/" + old, ada.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/products/" + cleanser, ada.token()).status())
                .isEqualTo(200);

        Api.Response changed =
                api.patch("/api/v1/products/" + mat, Map.of("price", Map.of("amount", 5200)), owner.token());
        assertThat(changed.json().path("price").path("amount").asLong()).isEqualTo(5200);
        assertThat(changed.field("title")).isEqualTo("Yoga Mat");
        assertThat(api.delete("/api/v1/product-categories/" + face, owner.token())
                        .field("code"))
                .isEqualTo("category.in_use");
        assertThat(api.delete("/api/v1/products/" + mat, owner.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/products/" + mat, owner.token()).status()).isEqualTo(404);
        // the sku is free again
        product(owner, "MAT-1", 4900, Map.of());

        Owner other = ownerWithOrganization("Other Shop");
        assertThat(api.get("/api/v1/products/" + cleanser, other.token()).status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/products/" + cleanser, Map.of("title", "Mine"), other.token())
                        .status())
                .isEqualTo(404);
        assertThat(titles(api.get("/api/v1/products", other.token()))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :o AND action LIKE 'product.%'")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(7);
    }

    @Test
    void bulkTakesTheGoodRowsAndReportsTheBadOnes() {
        Owner owner = ownerWithOrganization("Bulk Shop");
        UUID existing = product(owner, "B-1", 1000, Map.of("title", "Balm"));
        Api.Response r = api.post(
                "/api/v1/products/bulk",
                Map.of(
                        "items",
                        List.of(
                                Map.of("sku", "b-1", "price", Map.of("amount", 1100)),
                                Map.of("sku", "B-2", "title", "Body oil", "price", Map.of("decimal", "24.50")),
                                Map.of("sku", "B-3", "title", "Broken", "price", Map.of("decimal", "1.234")),
                                Map.of("sku", "B-2", "title", "Again", "price", Map.of("amount", 1)),
                                Map.of("title", "No sku", "price", Map.of("amount", 1)))),
                owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("created").asInt()).isEqualTo(1);
        assertThat(r.json().path("updated").asInt()).isEqualTo(1);
        assertThat(r.json().path("rejected").asInt()).isEqualTo(3);
        assertThat(r.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("row").asInt() + ":" + e.path("field").asString()))
                .containsExactly("2:price.decimal", "3:sku", "4:sku");
        assertThat(api.get("/api/v1/products/" + existing, owner.token())
                        .json()
                        .path("product")
                        .path("price")
                        .path("amount")
                        .asLong())
                .isEqualTo(1100);
        Api.Response onlyUpdate = api.post(
                "/api/v1/products/bulk",
                Map.of(
                        "onlyUpdate",
                        true,
                        "items",
                        List.of(Map.of("sku", "NOPE", "title", "x", "price", Map.of("amount", 1)))),
                owner.token());
        assertThat(onlyUpdate.json().path("errors").get(0).path("message").asString())
                .contains("no product");
        assertThat(titles(api.get("/api/v1/products", owner.token()))).containsExactly("Balm", "Body oil");
        assertThat(api.post("/api/v1/products/bulk", Map.of("items", List.of()), owner.token())
                        .status())
                .isEqualTo(400);
    }

    private static List<String> titles(Api.Response r) {
        JsonNode data = r.json().path("data");
        return data.valueStream().map(p -> p.path("title").asString()).toList();
    }
}
