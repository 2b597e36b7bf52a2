package io.wellbase.platform.imports;

/** What a merge did with the staged rows: created, changed, or found as they already were. */
public record MergeResult(long created, long updated, long unchanged) {}
