package io.wellbase.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import io.wellbase.support.TestImages;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FilesIntegrationTests extends IntegrationTest {

    @Test
    void anUploadIsKeptAndDownloadsBySignedLinkOnly() throws IOException {
        Owner owner = ownerWithOrganization("Files");
        byte[] png = TestImages.png();
        Api.Response created = api.upload("/api/v1/uploads", Map.of("purpose", "avatar"), "me.png", png, owner.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/uploads/" + created.id());
        assertThat(created.field("contentType")).isEqualTo("image/png");
        assertThat(created.field("size")).isEqualTo(String.valueOf(png.length));
        assertThat(created.field("purpose")).isEqualTo("avatar");

        Api.Response metadata = api.get("/api/v1/uploads/" + created.id(), owner.token());
        assertThat(metadata.status()).isEqualTo(200);
        String url = metadata.field("downloadUrl");
        HttpResponse<byte[]> download = Api.download(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("me.png");

        String tampered = url.replaceFirst("signature=.", "signature=" + (url.contains("signature=0") ? "1" : "0"));
        HttpResponse<byte[]> refused = Api.download(tampered);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.json(refused.body()).path("code").asString()).isEqualTo("file.link_invalid");
        long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
        String stretched = url.replace("expires=" + expires, "expires=" + (expires + 3600));
        assertThat(Api.download(stretched).statusCode()).isEqualTo(403);
        String expired = url.replace("expires=" + expires, "expires=" + (System.currentTimeMillis() / 1000 - 10));
        assertThat(Api.download(expired).statusCode()).isEqualTo(403);
        assertThat(Api.download(url.substring(0, url.indexOf('?'))).statusCode())
                .isEqualTo(403);

        Api.Response list = api.get("/api/v1/uploads?purpose=avatar", owner.token());
        assertThat(list.json().path("data")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'file.created' AND entity_id = :id")
                        .param("id", created.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(api.delete("/api/v1/uploads/" + created.id(), owner.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/uploads/" + created.id(), owner.token()).status())
                .isEqualTo(404);
        assertThat(Api.download(url).statusCode()).isEqualTo(404);
    }

    @Test
    void downloadLinksUseTheConfiguredAddressNotTheRequestsHost() throws IOException {
        Owner owner = ownerWithOrganization("Host header");
        UUID id = api.upload("/api/v1/uploads", Map.of("purpose", "avatar"), "me.png", TestImages.png(), owner.token())
                .id();
        String answer = api.raw("GET /api/v1/uploads/" + id + " HTTP/1.1\r\nHost: evil.example\r\n"
                + "Authorization: Bearer " + owner.token() + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).contains("\"downloadUrl\":\"http://localhost:" + port + "/files/" + id);
        assertThat(answer).doesNotContain("evil.example");
    }

    @Test
    void theTypeComesFromTheContentNotTheName() throws IOException {
        Owner owner = ownerWithOrganization("Types");
        byte[] executable =
                Arrays.copyOf("MZ\u0090\u0000\u0003\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1), 512);
        Api.Response disguised =
                api.upload("/api/v1/uploads", Map.of("purpose", "avatar"), "cat.png", executable, owner.token());
        assertThat(disguised.status()).as(disguised.toString()).isEqualTo(415);
        assertThat(disguised.field("code")).isEqualTo("file.unsupported_type");

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(api.upload("/api/v1/uploads", Map.of("purpose", "avatar"), "a.png", svg, owner.token())
                        .status())
                .isEqualTo(415);

        Api.Response pngAsCsv = api.upload(
                "/api/v1/uploads", Map.of("purpose", "import"), "clients.csv", TestImages.png(), owner.token());
        assertThat(pngAsCsv.status()).isEqualTo(415);

        byte[] csv = "First Name,Last Name\nAnna,Berg\n".getBytes(StandardCharsets.UTF_8);
        Api.Response table =
                api.upload("/api/v1/uploads", Map.of("purpose", "import"), "clients.csv", csv, owner.token());
        assertThat(table.status()).as(table.toString()).isEqualTo(201);
        assertThat(table.field("contentType")).isEqualTo("text/csv");
        assertThat(jdbc.sql("SELECT count(*) FROM files WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void sizeLimitsArePerPurposeAndBadRequestsAreExplained() throws IOException {
        Owner owner = ownerWithOrganization("Limits");
        byte[] big = Arrays.copyOf(TestImages.png(), 5 * 1024 * 1024 + 1);
        Api.Response tooBig = api.upload("/api/v1/uploads", Map.of("purpose", "avatar"), "big.png", big, owner.token());
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);
        assertThat(tooBig.field("code")).isEqualTo("file.too_large");
        Api.Response sameAsDocument =
                api.upload("/api/v1/uploads", Map.of("purpose", "client_document"), "big.png", big, owner.token());
        assertThat(sameAsDocument.status()).as(sameAsDocument.toString()).isEqualTo(201);

        Api.Response unknown =
                api.upload("/api/v1/uploads", Map.of("purpose", "report"), "a.png", TestImages.png(), owner.token());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("purpose");
        Api.Response noFile = api.upload("/api/v1/uploads", Map.of("purpose", "avatar"), null, null, owner.token());
        assertThat(noFile.status()).isEqualTo(400);
        Api.Response empty =
                api.upload("/api/v1/uploads", Map.of("purpose", "avatar"), "e.png", new byte[0], owner.token());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM files WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    StoredFiles storedFiles;

    @org.springframework.beans.factory.annotation.Autowired
    io.wellbase.files.internal.GeneratedFilesCleanup cleanup;

    @Test
    void oldExportsAndReportsAreDeletedButUploadsStay() throws IOException {
        Owner owner = ownerWithOrganization("Cleanup");
        java.nio.file.Path temp = java.nio.file.Files.createTempFile("report", ".csv");
        java.nio.file.Files.writeString(temp, "a,b\n1,2\n");
        StoredFile old = storedFiles.saveGenerated(
                owner.orgId(), owner.userId(), FilePurpose.REPORT, "old.csv", "text/csv", temp);
        StoredFile fresh = storedFiles.saveGenerated(
                owner.orgId(), owner.userId(), FilePurpose.EXPORT, "new.csv", "text/csv", temp);
        Api.Response upload =
                api.upload("/api/v1/uploads", Map.of("purpose", "avatar"), "me.png", TestImages.png(), owner.token());
        jdbc.sql("UPDATE files SET created_at = now() - interval '31 days' WHERE id IN (:old, :upload)")
                .param("old", old.id())
                .param("upload", upload.id())
                .update();
        String link = api.get("/api/v1/uploads/" + old.id(), owner.token()).field("downloadUrl");

        assertThat(cleanup.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(storedFiles.find(owner.orgId(), old.id())).isEmpty();
        assertThat(Api.download(link).statusCode()).isEqualTo(404);
        assertThat(storedFiles.find(owner.orgId(), fresh.id())).isPresent();
        assertThat(api.get("/api/v1/uploads/" + upload.id(), owner.token()).status())
                .isEqualTo(200);
        java.nio.file.Files.delete(temp);
    }

    @Test
    void aClientsFilesAreListedWithTheClientAndDeletedWhenTheClientIsErased() throws IOException, InterruptedException {
        Owner owner = ownerWithOrganization("Client Files");
        Owner other = ownerWithOrganization("Other Files");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "Ada", "lastName", "Skin"), owner.token())
                .id();
        UUID stranger = api.post("/api/v1/clients", Map.of("firstName", "Bo", "lastName", "Else"), other.token())
                .id();
        Api.Response photo = api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "skin_image", "clientId", client.toString()),
                "cheek.png",
                TestImages.png(),
                owner.token());
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        assertThat(photo.field("clientId")).isEqualTo(client.toString());
        api.upload("/api/v1/uploads", Map.of("purpose", "attachment"), "other.png", TestImages.png(), owner.token());
        assertThat(api.get("/api/v1/uploads?clientId=" + client, owner.token())
                        .json()
                        .path("data"))
                .hasSize(1);
        assertThat(api.upload(
                                "/api/v1/uploads",
                                Map.of("purpose", "skin_image", "clientId", stranger.toString()),
                                "x.png",
                                TestImages.png(),
                                owner.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/uploads?clientId=" + stranger, owner.token())
                        .status())
                .isEqualTo(404);
        String link = api.get("/api/v1/uploads/" + photo.id(), owner.token()).field("downloadUrl");

        assertThat(api.delete("/api/v1/clients/" + client, owner.token()).status())
                .isEqualTo(204);
        for (int i = 0;
                i < 100
                        && api.get("/api/v1/uploads/" + photo.id(), owner.token())
                                        .status()
                                == 200;
                i++) {
            Thread.sleep(100);
        }
        assertThat(api.get("/api/v1/uploads/" + photo.id(), owner.token()).status())
                .isEqualTo(404);
        assertThat(Api.download(link).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/uploads", owner.token()).json().path("data"))
                .hasSize(1);
    }

    @Test
    void anotherOrganizationsFileIsNotFound() throws IOException {
        Owner a = ownerWithOrganization("A");
        Owner b = ownerWithOrganization("B");
        Api.Response created =
                api.upload("/api/v1/uploads", Map.of("purpose", "attachment"), "x.png", TestImages.png(), a.token());
        assertThat(api.get("/api/v1/uploads/" + created.id(), b.token()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/uploads/" + created.id(), b.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/uploads", b.token()).json().path("data")).isEmpty();
        assertThat(api.get("/api/v1/uploads/" + created.id(), a.token()).status())
                .isEqualTo(200);
    }
}
