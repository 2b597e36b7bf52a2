package io.wellbase.files;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The files API for other modules: keep an uploaded or generated file, read it back, hand out a
 * signed download link. Every call is scoped to one organization; another tenant's file id is 404.
 */
@Service
public class StoredFiles {

    /** Checks size and detected content type for the purpose (413 / 415), stores, records metadata. */
    public StoredFile upload(UUID organizationId, UUID userId, FilePurpose purpose, String filename,
            InputStream content) {
        throw new UnsupportedOperationException("files module: implementation in progress");
    }

    /** Keeps a file Wellbase wrote itself (an export or a report) from a local temporary file. */
    public StoredFile saveGenerated(UUID organizationId, UUID userId, FilePurpose purpose, String filename,
            String contentType, Path content) {
        throw new UnsupportedOperationException("files module: implementation in progress");
    }

    public Optional<StoredFile> find(UUID organizationId, UUID fileId) {
        throw new UnsupportedOperationException("files module: implementation in progress");
    }

    /** The file's bytes; 404 when it is not this organization's. The caller closes the stream. */
    public InputStream open(UUID organizationId, UUID fileId) {
        throw new UnsupportedOperationException("files module: implementation in progress");
    }

    public DownloadLink downloadLink(UUID organizationId, UUID fileId) {
        throw new UnsupportedOperationException("files module: implementation in progress");
    }

    public void delete(UUID organizationId, UUID userId, UUID fileId) {
        throw new UnsupportedOperationException("files module: implementation in progress");
    }
}
