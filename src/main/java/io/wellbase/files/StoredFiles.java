package io.wellbase.files;

import io.wellbase.files.internal.ContentTypeDetector;
import io.wellbase.files.internal.FileKeeper;
import io.wellbase.files.internal.FileRecords;
import io.wellbase.files.internal.FilesProperties;
import io.wellbase.files.internal.ObjectStorage;
import io.wellbase.files.internal.PurposePolicy;
import io.wellbase.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The files API for other modules: keep an uploaded or generated file, read it back, hand out a
 * signed download link. Every call is scoped to one organization; another tenant's file id is 404.
 */
@Service
public class StoredFiles {

    private final FileRecords records;
    private final FileKeeper keeper;
    private final ObjectStorage storage;
    private final ContentTypeDetector detector;
    private final FilesProperties properties;

    StoredFiles(
            FileRecords records,
            FileKeeper keeper,
            ObjectStorage storage,
            ContentTypeDetector detector,
            FilesProperties properties) {
        this.records = records;
        this.keeper = keeper;
        this.storage = storage;
        this.detector = detector;
        this.properties = properties;
    }

    /** Checks size and detected content type for the purpose (413 / 415), stores, records metadata. */
    public StoredFile upload(
            UUID organizationId, UUID userId, FilePurpose purpose, @Nullable String filename, InputStream content) {
        return upload(organizationId, userId, null, purpose, filename, content);
    }

    /** Like {@link #upload(UUID, UUID, FilePurpose, String, InputStream)}, for a file that belongs to a client. */
    public StoredFile upload(
            UUID organizationId,
            UUID userId,
            @Nullable UUID clientId,
            FilePurpose purpose,
            @Nullable String filename,
            InputStream content) {
        if (!purpose.uploadable()) {
            throw ApiException.invalidField(
                    "purpose", purpose.value() + " files are written by Wellbase, not uploaded");
        }
        PurposePolicy.Rule rule = PurposePolicy.of(purpose);
        return keeper.keepUpload(organizationId, userId, clientId, purpose, filename, content, rule, detector);
    }

    /** Keeps a file Wellbase wrote itself (an export or a report) from a local temporary file. */
    public StoredFile saveGenerated(
            UUID organizationId, UUID userId, FilePurpose purpose, String filename, String contentType, Path content) {
        return keeper.keepGenerated(organizationId, userId, purpose, filename, contentType, content);
    }

    public Optional<StoredFile> find(UUID organizationId, UUID fileId) {
        return records.find(organizationId, fileId).map(FileRecords.Row::file);
    }

    /** The metadata of one file; 404 when it is not this organization's. */
    public StoredFile get(UUID organizationId, UUID fileId) {
        return find(organizationId, fileId).orElseThrow(() -> ApiException.notFound("File"));
    }

    /** The file's bytes; 404 when it is not this organization's. The caller closes the stream. */
    public InputStream open(UUID organizationId, UUID fileId) {
        FileRecords.Row row = records.find(organizationId, fileId).orElseThrow(() -> ApiException.notFound("File"));
        try {
            return storage.get(row.storageKey());
        } catch (IOException e) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "file.storage_unavailable",
                    "The file's contents cannot be read right now");
        }
    }

    public DownloadLink downloadLink(UUID organizationId, UUID fileId) {
        FileRecords.Row row = records.find(organizationId, fileId).orElseThrow(() -> ApiException.notFound("File"));
        Instant expiresAt = Instant.now().plus(properties.linkTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        StoredFile file = row.file();
        return new DownloadLink(
                storage.downloadUrl(
                        file.id().toString(), row.storageKey(), file.filename(), file.contentType(), expiresAt),
                expiresAt);
    }

    public void delete(UUID organizationId, UUID userId, UUID fileId) {
        FileRecords.Row row = records.find(organizationId, fileId).orElseThrow(() -> ApiException.notFound("File"));
        keeper.forget(row, userId);
    }
}
