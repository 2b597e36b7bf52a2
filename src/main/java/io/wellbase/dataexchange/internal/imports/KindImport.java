package io.wellbase.dataexchange.internal.imports;

/**
 * One kind of import: the typed staging columns its rows are copied into, how a row becomes those
 * values, and the set-based SQL that merges the staged rows into the real tables.
 */
interface KindImport {

    ImportKind kind();

    /** Column definitions of the staging table after {@code row_no bigint, new_id uuid}. */
    String stagingColumns();

    /** The values of one row, in the order of {@link #stagingColumns()}. */
    Object[] stage(ImportRow row) throws RowProblem;

    /**
     * Merges {@code import_stage} into the real tables inside the import's transaction, reporting
     * rows it cannot take into {@code import_problems}.
     */
    ImportCounts merge(MergeSql sql);

    /** Work that needs the merged rows committed (generating sessions for new schedules). */
    default void afterCommit(ImportContext context) {
    }
}
