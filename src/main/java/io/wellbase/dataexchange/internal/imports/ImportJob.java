package io.wellbase.dataexchange.internal.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An import as its caller sees it. */
record ImportJob(
        UUID id,
        String kind,
        String status,
        String phase,
        boolean dryRun,
        UUID fileId,
        String filename,
        Double progress,
        Counts counts,
        Map<String, String> mapping,
        List<String> ignoredColumns,
        Map<String, Object> detected,
        String dateOrder,
        String error,
        UUID requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {

    record Counts(Long total, long read, long created, long updated, long skipped, long failed, long warnings) {}
}
