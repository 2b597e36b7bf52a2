package io.wellbase.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Files in an S3 bucket (AWS or any S3-compatible service). Downloads are presigned GET URLs that
 * also set the download's file name and type, so the browser saves what the user uploaded.
 */
class S3Storage implements ObjectStorage {

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;

    S3Storage(S3Client client, S3Presigner presigner, String bucket) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public void put(String key, Path content, String contentType) throws IOException {
        try {
            client.putObject(
                    PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(key)
                            .contentType(contentType)
                            .build(),
                    RequestBody.fromFile(content));
        } catch (SdkException e) {
            throw new IOException("S3 put of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        try {
            return client.getObject(
                    GetObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (NoSuchKeyException e) {
            throw new StorageObjectMissingException(key);
        } catch (SdkException e) {
            throw new IOException("S3 get of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("S3 delete of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String uploadUrl(String uploadId, String key, String contentType, long size, Instant expiresAt) {
        Duration ttl = signatureDuration(expiresAt);
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(contentType)
                .contentLength(size)
                .build();
        return presigner
                .presignPutObject(PutObjectPresignRequest.builder()
                        .signatureDuration(ttl)
                        .putObjectRequest(put)
                        .build())
                .url()
                .toString();
    }

    @Override
    public String downloadUrl(String fileId, String key, String filename, String contentType, Instant expiresAt) {
        Duration ttl = signatureDuration(expiresAt);
        GetObjectRequest get = GetObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .responseContentType(contentType)
                .responseContentDisposition(ContentDisposition.attachment(filename))
                .build();
        return presigner
                .presignGetObject(GetObjectPresignRequest.builder()
                        .signatureDuration(ttl)
                        .getObjectRequest(get)
                        .build())
                .url()
                .toString();
    }

    /** How long a presigned URL lives to expire at {@code expiresAt} (at least a second). */
    private static Duration signatureDuration(Instant expiresAt) {
        return Duration.ofSeconds(
                Math.max(1, expiresAt.getEpochSecond() - Instant.now().getEpochSecond()));
    }
}
