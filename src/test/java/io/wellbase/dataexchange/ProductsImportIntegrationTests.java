package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A shop's catalogue through the importer: products by sku (a second import updates, changes nothing when the
 * file did not change), categories by name, tax rates in the file's own forms, bad rows reported with their line.
 */
class ProductsImportIntegrationTests extends ImportTest {

    static final String CATALOGUE = """
            SKU;Product Name;Retail Price;VAT;Department;Tags;Status
            SER-1;Vitamin C Serum;39,90 €;19 %;Skin care;vegan, bestseller;Active
            CLN-1;Gentle Cleanser;15,00 €;0.19;Skin care;;Active
            MAT-1;Yoga Mat;49,00 €;19;Equipment;;Discontinued
            BAD SKU;Broken;1,00 €;19;Equipment;;Active
            ser-1;Duplicate;1,00 €;19;Skin care;;Active
            NOP-1;No price;;19;Equipment;;Active
            """;

    @Test
    void aCatalogueBecomesProducts() {
        Owner owner = ownerWithOrganization("Import Shop");
        UUID existing = api.post(
                        "/api/v1/products",
                        Map.of("sku", "MAT-1", "title", "Old mat", "price", Map.of("amount", 3000)),
                        owner.token())
                .id();
        JsonNode job = importAndWait(
                owner.token(), "products", "catalogue.csv", CATALOGUE.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(count(job, "created")).isEqualTo(2);
        assertThat(count(job, "updated")).isEqualTo(1);
        JsonNode errors = errors(owner.token(), job);
        // line 5: the sku, line 6: the sku again, line 7: no price; line 3's fraction is a warning
        assertThat(errors.valueStream()
                        .map(e -> e.path("rowNumber").asLong() + " "
                                + e.path("column").asString())
                        .toList())
                .contains("5 SKU", "6 SKU", "7 Retail Price", "3 VAT");

        JsonNode serum = api.get("/api/v1/products?q=vitamin", owner.token())
                .json()
                .path("data")
                .get(0);
        assertThat(serum.path("price").path("amount").asLong()).isEqualTo(3990);
        assertThat(serum.path("taxRate").asDouble()).isEqualTo(19.0);
        assertThat(serum.path("tags").toString()).isEqualTo("[\"vegan\",\"bestseller\"]");
        JsonNode cleanser = api.get("/api/v1/products?q=cleanser", owner.token())
                .json()
                .path("data")
                .get(0);
        assertThat(cleanser.path("taxRate").asDouble()).isEqualTo(19.0);
        JsonNode mat =
                api.get("/api/v1/products/" + existing, owner.token()).json().path("product");
        assertThat(mat.path("title").asString()).isEqualTo("Yoga Mat");
        assertThat(mat.path("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/product-categories", owner.token())
                        .json()
                        .path("data")
                        .valueStream()
                        .map(c -> c.path("name").asString()))
                .containsExactlyInAnyOrder("Skin care", "Equipment");
        assertThat(serum.path("categoryId").asString())
                .isEqualTo(cleanser.path("categoryId").asString());

        JsonNode again = importAndWait(
                owner.token(), "products", "catalogue.csv", CATALOGUE.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(again, "created")).isZero();
        assertThat(count(again, "updated")).isZero();
        assertThat(api.get("/api/v1/products?page_size=50", owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(3);
    }
}
