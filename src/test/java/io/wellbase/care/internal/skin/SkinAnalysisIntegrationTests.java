package io.wellbase.care.internal.skin;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Skin analysis through HTTP: clinic staff analyse a client's uploaded photos; the job measures them, compares with
 * the client's previous analysis and points to the organization's own services; a blurred photo is refused with
 * the reason; only the client's own skin images are accepted; the client reads their own analyses.
 */
class SkinAnalysisIntegrationTests extends OrganizationTest {

    private String upload(Owner owner, UUID client, BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Api.Response r = api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "skin_image", "clientId", client.toString()),
                "face.png",
                png.toByteArray(),
                owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.field("id");
    }

    private JsonNode analyse(Owner owner, UUID client, List<String> files) throws InterruptedException {
        Api.Response started = api.post(
                "/api/v1/skin-analysis",
                Map.of("clientId", client, "imageFileIds", files, "metadata", Map.of("light", "daylight")),
                owner.token());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode a = started.json();
        for (int i = 0; i < 150 && a.path("status").asString().equals("queued"); i++) {
            Thread.sleep(100);
            a = api.get("/api/v1/skin-analysis/" + started.field("id"), owner.token())
                    .json();
        }
        return a;
    }

    @Test
    void photosAreMeasuredComparedAndTurnedIntoTheClinicsOwnRecommendations() throws Exception {
        Owner owner = ownerWithOrganization("Skin Lab");
        String email = uniqueEmail("zoe");
        UUID zoe = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Zoe", "lastName", "Skin", "email", email),
                        owner.token())
                .id();
        UUID yan = api.post("/api/v1/clients", Map.of("firstName", "Yan", "lastName", "Skin"), owner.token())
                .id();
        api.post(
                "/api/v1/services",
                Map.of(
                        "name",
                        "Soothing facial for sensitive skin",
                        "durationMinutes",
                        60,
                        "priceAmount",
                        9000,
                        "currency",
                        "EUR"),
                owner.token());
        int[] tone = PixelSkinAnalyzerTests.TONES[2];
        String plain = upload(owner, zoe, PixelSkinAnalyzerTests.photo(tone, PixelSkinAnalyzerTests.Variant.PLAIN, 1));
        String red = upload(owner, zoe, PixelSkinAnalyzerTests.photo(tone, PixelSkinAnalyzerTests.Variant.RED, 2));
        String blurred =
                upload(owner, zoe, PixelSkinAnalyzerTests.photo(tone, PixelSkinAnalyzerTests.Variant.BLURRED, 3));
        String yans = upload(owner, yan, PixelSkinAnalyzerTests.photo(tone, PixelSkinAnalyzerTests.Variant.PLAIN, 4));

        JsonNode first = analyse(owner, zoe, List.of(plain));
        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("done");
        double before = first.path("result").path("measures").path("redness").asDouble();
        assertThat(first.path("result").path("note").asString()).contains("not a diagnosis");

        JsonNode second = analyse(owner, zoe, List.of(red));
        assertThat(second.path("status").asString()).isEqualTo("done");
        JsonNode result = second.path("result");
        assertThat(result.path("measures").path("redness").asDouble()).isGreaterThan(before + 5);
        assertThat(result.path("changeSinceLast").path("redness").asDouble()).isGreaterThan(5);
        assertThat(result.path("recommendations").findValuesAsString("name"))
                .contains("Soothing facial for sensitive skin");

        JsonNode refused = analyse(owner, zoe, List.of(blurred));
        assertThat(refused.path("status").asString()).isEqualTo("refused");
        assertThat(refused.path("reason").asString()).contains("too blurry");

        Api.Response notHers = api.post(
                "/api/v1/skin-analysis", Map.of("clientId", zoe, "imageFileIds", List.of(yans)), owner.token());
        assertThat(invalidFields(notHers)).containsExactly("imageFileIds[0]");
        Member desk = memberWithRole(owner, "front_desk");
        assertThat(api.get("/api/v1/skin-analysis/" + second.path("id").asString(), desk.token())
                        .status())
                .isEqualTo(403);

        String token = portalToken(owner, zoe, email);
        JsonNode mine = api.get("/api/v1/skin-analysis", token).json().path("data");
        assertThat(mine).hasSize(3);

        // the client uploads a photo in the portal and starts an analysis of it herself; the shop's soothing gel is
        // among the recommendations beside the facial
        api.post(
                "/api/v1/products",
                Map.of(
                        "sku",
                        "GEL",
                        "title",
                        "Calming gel",
                        "description",
                        "soothing for sensitive skin",
                        "price",
                        Map.of("amount", 2500)),
                owner.token());
        ByteArrayOutputStream own = new ByteArrayOutputStream();
        ImageIO.write(PixelSkinAnalyzerTests.photo(tone, PixelSkinAnalyzerTests.Variant.RED, 5), "png", own);
        Api.Response uploaded =
                api.upload("/api/v1/portal/files", Map.of("purpose", "skin_image"), "me.png", own.toByteArray(), token);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/skin-analysis",
                                Map.of("clientId", yan, "imageFileIds", List.of(uploaded.field("id"))),
                                token)
                        .status())
                .isEqualTo(404);
        assertThat(invalidFields(api.post("/api/v1/skin-analysis", Map.of("imageFileIds", List.of(yans)), token)))
                .containsExactly("imageFileIds[0]");
        Api.Response selfStarted =
                api.post("/api/v1/skin-analysis", Map.of("imageFileIds", List.of(uploaded.field("id"))), token);
        assertThat(selfStarted.status()).as(selfStarted.toString()).isEqualTo(202);
        JsonNode self = selfStarted.json();
        for (int i = 0; i < 150 && self.path("status").asString().equals("queued"); i++) {
            Thread.sleep(100);
            self = api.get("/api/v1/skin-analysis/" + selfStarted.field("id"), token)
                    .json();
        }
        assertThat(self.path("status").asString()).as(self.toString()).isEqualTo("done");
        assertThat(self.path("result").path("recommendations").findValuesAsString("name"))
                .contains("Calming gel", "Soothing facial for sensitive skin");
        Owner other = ownerWithOrganization("Other Skin Lab");
        assertThat(api.get("/api/v1/skin-analysis/" + second.path("id").asString(), other.token())
                        .status())
                .isEqualTo(404);
    }
}
