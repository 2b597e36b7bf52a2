package io.wellbase.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wellbase.support.Api;
import io.wellbase.support.LocalS3Server;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 storage through the real AWS SDK against a local S3 protocol server that checks SigV4. */
class S3StorageTests {

    static LocalS3Server s3;

    @BeforeAll
    static void start() throws IOException {
        s3 = new LocalS3Server();
        s3.createBucket("files");
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    static S3Storage storage(String secret) {
        return StorageConfig.s3(
                new FilesProperties.S3(s3.endpoint(), "eu-central-1", "files", LocalS3Server.ACCESS_KEY, secret, true));
    }

    @Test
    void putGetPresignAndDelete() throws IOException {
        S3Storage storage = storage(LocalS3Server.SECRET_KEY);
        Path file = Files.createTempFile("s3", ".txt");
        Files.writeString(file, "hello, bucket");
        storage.put("org/1", file, "text/plain");
        try (InputStream in = storage.get("org/1")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello, bucket");
        }

        String url = storage.downloadUrl(
                "1", "org/1", "notes \"2026\".txt", "text/plain", Instant.now().plusSeconds(60));
        HttpResponse<byte[]> download = Api.download(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("hello, bucket");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");

        String tampered = url.replace("org/1", "org/2");
        assertThat(Api.download(tampered).statusCode()).isEqualTo(403);
        String otherSignature = url.replaceFirst(
                "X-Amz-Signature=.", "X-Amz-Signature=" + (url.contains("X-Amz-Signature=0") ? "1" : "0"));
        assertThat(Api.download(otherSignature).statusCode()).isEqualTo(403);

        storage.delete("org/1");
        assertThatThrownBy(() -> storage.get("org/1")).isInstanceOf(StorageObjectMissingException.class);
        Files.delete(file);
    }

    @Test
    void anExpiredPresignedUrlIsRefused() throws Exception {
        S3Storage storage = storage(LocalS3Server.SECRET_KEY);
        Path file = Files.createTempFile("s3", ".txt");
        Files.writeString(file, "soon gone");
        storage.put("org/expiring", file, "text/plain");
        String url = storage.downloadUrl(
                "2", "org/expiring", "x.txt", "text/plain", Instant.now().plusSeconds(1));
        Thread.sleep(2100);
        assertThat(Api.download(url).statusCode()).isEqualTo(403);
        Files.delete(file);
    }

    @Test
    void wrongCredentialsAreRefusedByTheServer() throws IOException {
        S3Storage storage = storage("not-the-secret");
        Path file = Files.createTempFile("s3", ".txt");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> storage.put("org/denied", file, "text/plain")).isInstanceOf(IOException.class);
        Files.delete(file);
    }
}
