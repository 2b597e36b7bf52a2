package io.wellbase.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import io.wellbase.support.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Direct uploads against local storage: announce, PUT the bytes to the signed URL, confirm; the file's type is
 * detected on confirmation, the URL takes no more than the announced size and no tampering, only the announcer
 * confirms, and unconfirmed uploads are cleaned up with their bytes.
 */
class DirectUploadsIntegrationTests extends OrganizationTest {

    private static final Path ROOT = Path.of("target/test-files");

    @Autowired
    DirectUploads uploads;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPhotoGoesStraightToStorageAndBecomesAFileOnConfirmation() throws Exception {
        Owner owner = ownerWithOrganization("Direct Upload Studio");
        byte[] png = TestImages.png();
        Api.Response started = announce(owner.token(), "skin_image", "cheek.png", "image/png", png.length, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.field("method")).isEqualTo("PUT");
        String url = started.field("url");
        assertThat(url).contains("/uploads/direct/" + started.field("uploadId")).contains("signature=");
        UUID id = UUID.fromString(started.field("uploadId"));

        Api.Response early = api.post("/api/v1/uploads/direct/" + id + "/confirm", Map.of(), owner.token());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.field("code")).isEqualTo("file.not_uploaded");

        assertThat(put(url.replace("signature=", "signature=0"), png)).isEqualTo(403);
        assertThat(put(url, new byte[png.length + 1])).isEqualTo(413);
        assertThat(put(url, png)).isEqualTo(204);
        assertThat(Files.exists(ROOT.resolve("pending/" + owner.orgId() + "/" + id)))
                .isTrue();

        Member other = memberWithRole(owner, "staff");
        assertThat(api.post("/api/v1/uploads/direct/" + id + "/confirm", Map.of(), other.token())
                        .status())
                .isEqualTo(404);
        Api.Response confirmed = api.post("/api/v1/uploads/direct/" + id + "/confirm", Map.of(), owner.token());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        assertThat(confirmed.field("contentType")).isEqualTo("image/png");
        assertThat(confirmed.json().path("size").asLong()).isEqualTo(png.length);
        assertThat(confirmed.field("purpose")).isEqualTo("skin_image");
        assertThat(Api.download(confirmed.field("downloadUrl")).body()).isEqualTo(png);
        assertThat(Files.exists(ROOT.resolve("pending/" + owner.orgId() + "/" + id)))
                .isFalse();
        assertThat(api.post("/api/v1/uploads/direct/" + id + "/confirm", Map.of(), owner.token())
                        .status())
                .isEqualTo(404);
        assertThat(put(url, png)).isEqualTo(404);
    }

    @Test
    void theContentDecidesNotTheAnnouncement() throws Exception {
        Owner owner = ownerWithOrganization("Typed Upload Studio");
        byte[] text = "not a photo at all".getBytes(StandardCharsets.UTF_8);
        Api.Response started = announce(owner.token(), "avatar", "me.png", "image/png", text.length, null);
        assertThat(put(started.field("url"), text)).isEqualTo(204);
        Api.Response refused =
                api.post("/api/v1/uploads/direct/" + started.field("uploadId") + "/confirm", Map.of(), owner.token());
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.field("code")).isEqualTo("file.unsupported_type");
        assertThat(pendingRows(owner.orgId())).isZero();
        assertThat(fileRows(owner.orgId())).isZero();

        assertThat(announce(owner.token(), "avatar", "big.png", "image/png", 6L * 1024 * 1024, null)
                        .status())
                .isEqualTo(413);
        assertThat(announce(owner.token(), "avatar", "a.pdf", "application/pdf", 100, null)
                        .status())
                .isEqualTo(415);
        assertThat(announce(owner.token(), "export", "x.csv", "text/csv", 100, null)
                        .status())
                .isEqualTo(400);
        assertThat(announce(owner.token(), "avatar", "a.png", "image/png", 0, null)
                        .status())
                .isEqualTo(400);
        assertThat(announce(owner.token(), "avatar", "a.png", "image/png", 10, UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aClientUploadsForThemselfOnly() throws Exception {
        Owner owner = ownerWithOrganization("Portal Upload Studio");
        String email = "direct-" + owner.orgId() + "@x.test";
        UUID client = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Dee", "lastName", "Rect", "email", email),
                        owner.token())
                .id();
        String portal = portalToken(owner, client, email);
        UUID otherClient = api.post("/api/v1/clients", Map.of("firstName", "O", "lastName", "Ther"), owner.token())
                .id();
        assertThat(announce(portal, "import", "x.csv", "text/csv", 10, null).status())
                .isEqualTo(400);
        assertThat(announce(portal, "avatar", "a.png", "image/png", 10, otherClient)
                        .status())
                .isEqualTo(403);
        byte[] png = TestImages.png();
        Api.Response started = announce(portal, "skin_image", "cheek.png", "image/png", png.length, null);
        assertThat(started.status()).isEqualTo(201);
        assertThat(put(started.field("url"), png)).isEqualTo(204);
        Api.Response confirmed =
                api.post("/api/v1/uploads/direct/" + started.field("uploadId") + "/confirm", Map.of(), portal);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        assertThat(confirmed.field("clientId")).isEqualTo(client.toString());
    }

    @Test
    void unconfirmedUploadsAreRemovedWithTheirBytes() throws Exception {
        Owner owner = ownerWithOrganization("Forgotten Upload Studio");
        byte[] png = TestImages.png();
        Api.Response started = announce(owner.token(), "avatar", "a.png", "image/png", png.length, null);
        assertThat(put(started.field("url"), png)).isEqualTo(204);
        Path bytes = ROOT.resolve("pending/" + owner.orgId() + "/" + started.field("uploadId"));
        assertThat(Files.exists(bytes)).isTrue();
        uploads.removeExpired();
        assertThat(pendingRows(owner.orgId())).as("not expired yet").isEqualTo(1);
        jdbc.sql("UPDATE pending_uploads SET expires_at = now() - interval '2 hours' WHERE org_id = :o")
                .param("o", owner.orgId())
                .update();
        uploads.removeExpired();
        assertThat(pendingRows(owner.orgId())).isZero();
        assertThat(Files.exists(bytes)).isFalse();
    }

    private Api.Response announce(String token, String purpose, String name, String type, long size, UUID client) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("purpose", purpose, "filename", name, "contentType", type, "size", size));
        if (client != null) {
            body.put("clientId", client);
        }
        return api.post("/api/v1/uploads/direct", body, token);
    }

    private int put(String url, byte[] bytes) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private long pendingRows(UUID org) {
        return jdbc.sql("SELECT count(*) FROM pending_uploads WHERE org_id = :o")
                .param("o", org)
                .query(Long.class)
                .single();
    }

    private long fileRows(UUID org) {
        return jdbc.sql("SELECT count(*) FROM files WHERE org_id = :o")
                .param("o", org)
                .query(Long.class)
                .single();
    }
}
