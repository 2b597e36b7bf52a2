package io.wellbase.files;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A kept file's metadata; the bytes stay in storage and are read with {@link StoredFiles#open}.
 * {@code clientId} is set for files that belong to a client (deleted when the client is erased).
 */
public record StoredFile(
        UUID id,
        UUID organizationId,
        FilePurpose purpose,
        String filename,
        String contentType,
        long size,
        String sha256,
        @Nullable UUID createdBy,
        Instant createdAt,
        @Nullable UUID clientId) {}
