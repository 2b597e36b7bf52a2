package io.wellbase.dataexchange.internal.imports;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;

/**
 * One kind of import: the typed staging columns its rows are copied into (declared by the port of the
 * module that owns the target tables), how a row of the file becomes those values, and the merge: the
 * checks that concern the file (duplicates, unknown clients), the shared reference tables, then the
 * owner's port, which alone writes its tables.
 */
interface KindImport {

    ImportKind kind();

    /** Column definitions of the staging table after {@code row_no bigint, new_id uuid, ext_id text}. */
    String stagingColumns();

    /**
     * Whether the merge looks staged rows up by {@code ext_id}, so that the staging table gets an index on it
     * before the merge. A merge that only reads the stage from end to end (joins driven by the stage, the
     * duplicate check by hashing) is better off without it: building it sorts every key of the file.
     */
    default boolean looksUpExternalIds() {
        return true;
    }

    /** The row's key ({@code ext_id}), then the values of {@link #stagingColumns()} in their order. */
    Object[] stage(ImportRow row) throws RowProblem;

    /**
     * Merges {@code import_stage} into the real tables inside the import's transaction, reporting
     * rows it cannot take into {@code import_problems}.
     */
    MergeResult merge(ImportStage stage);

    /** Work that needs the merged rows committed (generating sessions for new schedules). */
    default void afterCommit(ImportContext context) {}
}
