package io.wellbase.dataexchange.internal.reports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A report as its caller sees it; {@code downloadUrl} is a fresh short-lived link once completed. */
record ReportJob(
        UUID id,
        UUID reportId,
        String reportType,
        String format,
        Map<String, Object> filters,
        String status,
        String downloadUrl,
        Instant downloadUrlExpiresAt,
        String error,
        Long durationMs,
        UUID requestedBy,
        Instant createdAt,
        Instant completedAt) {}
