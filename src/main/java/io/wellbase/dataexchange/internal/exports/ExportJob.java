package io.wellbase.dataexchange.internal.exports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An export that runs as a job; {@code fileUrl} is a fresh short-lived link once it completed. */
record ExportJob(
        UUID id,
        String type,
        String format,
        Map<String, Object> filters,
        String status,
        Long rowCount,
        String fileUrl,
        Instant fileUrlExpiresAt,
        String error,
        UUID requestedBy,
        Instant createdAt,
        Instant completedAt) {}
