package io.wellbase.dataexchange.internal.imports;

/** What an import did, or would do in a dry run, row by row. */
record ImportCounts(long created, long updated, long skipped, long failed, long warnings) {

    /** What the owner's merge did; failures and warnings are added from the report. */
    static ImportCounts of(io.wellbase.platform.imports.MergeResult merged) {
        return new ImportCounts(merged.created(), merged.updated(), merged.unchanged(), 0, 0);
    }

    ImportCounts plusFailed(long more) {
        return new ImportCounts(created, updated, skipped, failed + more, warnings);
    }

    ImportCounts withWarnings(long count) {
        return new ImportCounts(created, updated, skipped, failed, count);
    }
}
