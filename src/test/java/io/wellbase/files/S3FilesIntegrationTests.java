package io.wellbase.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import io.wellbase.support.LocalS3Server;
import io.wellbase.support.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with S3 storage, against the local S3 protocol server. Its own context runs
 * no jobs and is closed afterwards, so it never picks up another test's import or report.
 */
@DirtiesContext
class S3FilesIntegrationTests extends IntegrationTest {

    static final LocalS3Server S3 = start();

    static LocalS3Server start() {
        try {
            LocalS3Server server = new LocalS3Server();
            server.createBucket("wellbase-test");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("db-scheduler.enabled", () -> "false");
        registry.add("wellbase.files.storage", () -> "s3");
        registry.add("wellbase.files.s3.endpoint", S3::endpoint);
        registry.add("wellbase.files.s3.bucket", () -> "wellbase-test");
        registry.add("wellbase.files.s3.access-key", () -> LocalS3Server.ACCESS_KEY);
        registry.add("wellbase.files.s3.secret-key", () -> LocalS3Server.SECRET_KEY);
    }

    @AfterAll
    static void stop() {
        S3.close();
    }

    @Test
    void uploadsGoToTheBucketAndDownloadByPresignedUrl() throws IOException {
        Owner owner = ownerWithOrganization("S3 Studio");
        byte[] png = TestImages.png();
        Api.Response created =
                api.upload("/api/v1/uploads", Map.of("purpose", "skin_image"), "cheek.png", png, owner.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(S3.objectCount()).isEqualTo(1);
        String url = api.get("/api/v1/uploads/" + created.id(), owner.token()).field("downloadUrl");
        assertThat(url)
                .startsWith(S3.endpoint() + "/wellbase-test/" + owner.orgId() + "/" + created.id())
                .contains("X-Amz-Signature=");
        var download = Api.download(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(Api.download(url.replace("X-Amz-Expires=", "X-Amz-Expires=9"))
                        .statusCode())
                .isEqualTo(403);

        assertThat(api.delete("/api/v1/uploads/" + created.id(), owner.token()).status())
                .isEqualTo(204);
        assertThat(S3.objectCount()).isZero();
    }

    @Test
    void aDirectUploadGoesToTheBucketByAPresignedPut() throws Exception {
        Owner owner = ownerWithOrganization("S3 Direct Studio");
        byte[] png = TestImages.png();
        Api.Response started = api.post(
                "/api/v1/uploads/direct",
                Map.of(
                        "purpose",
                        "skin_image",
                        "filename",
                        "cheek.png",
                        "contentType",
                        "image/png",
                        "size",
                        png.length),
                owner.token());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String url = started.field("url");
        assertThat(url)
                .startsWith(S3.endpoint() + "/wellbase-test/pending/" + owner.orgId() + "/")
                .contains("X-Amz-Signature=");
        int put = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .header("Content-Type", "image/png")
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(put).isEqualTo(200);
        Api.Response confirmed =
                api.post("/api/v1/uploads/direct/" + started.field("uploadId") + "/confirm", Map.of(), owner.token());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        assertThat(Api.download(confirmed.field("downloadUrl")).body()).isEqualTo(png);
        assertThat(S3.objectCount())
                .as("the pending object is gone, the file's is there")
                .isEqualTo(1);
        assertThat(api.delete("/api/v1/uploads/" + confirmed.field("id"), owner.token())
                        .status())
                .isEqualTo(204);
    }
}
