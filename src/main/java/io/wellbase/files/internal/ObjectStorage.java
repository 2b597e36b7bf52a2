package io.wellbase.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

/** Where the bytes of a file live; the {@code files} table is the index over it. */
public interface ObjectStorage {

    /** The name stored with each file ({@code local} or {@code s3}). */
    String name();

    void put(String key, Path content, String contentType) throws IOException;

    InputStream get(String key) throws IOException;

    void delete(String key) throws IOException;

    /**
     * A URL to which a client PUTs the bytes of a direct upload (exactly {@code size} bytes of {@code contentType})
     * without other credentials until {@code expiresAt}.
     */
    String uploadUrl(String uploadId, String key, String contentType, long size, Instant expiresAt);

    /** A URL that downloads the object without other credentials until {@code expiresAt}. */
    String downloadUrl(String fileId, String key, String filename, String contentType, Instant expiresAt);
}
