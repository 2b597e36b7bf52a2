package io.wellbase.platform.imports;

/**
 * One import's staged rows, inside the import's transaction, as the merge of the module that owns the
 * target tables sees them. The contract, the same for every kind:
 * <ul>
 * <li>{@code import_stage} (a temporary table) holds one row per accepted line of the file:
 * {@code row_no bigint} (the line), {@code new_id uuid} (the id of what the row creates, if it creates
 * something), {@code ext_id text} (the row's key in the other system: its id, or a key built from its
 * fields; unique once {@link #rejectDuplicates(String, String)} ran), then the kind's own columns as the
 * owner's port declares them in its {@code STAGING_COLUMNS}. The merge may add columns and build more
 * temporary tables ({@code ON COMMIT DROP}).</li>
 * <li>{@code import_problems} collects what the merge cannot take ({@link #reject}) or takes with a
 * remark ({@link #warn}); a rejected row is removed from the stage. Fields are named as in the import's
 * field list ("externalId", "email"); the report shows the file's header instead.</li>
 * <li>Every statement has {@code :org}, {@code :import}, {@code :user} (who imports), {@code :zone} (the
 * organization's time zone), {@code :currency} and {@code :today} (in that zone) bound, and runs under
 * the import's step timeout.</li>
 * <li>Which entity an {@code ext_id} was imported as before is kept by the importer, not by the owner:
 * {@link #importedIds(String)} reads it, {@link #rememberIds(String, String)} records it.</li>
 * </ul>
 */
public interface ImportStage {

    /**
     * A SQL regular-expression literal (for {@code ~*}) that a text matches when it is a UUID: a Wellbase id
     * in the file (an export imported again), which may be cast with {@code ::uuid} once it matched.
     */
    String UUID_TEXT = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

    /** The organization the rows are imported into (also bound as {@code :org}). */
    java.util.UUID organizationId();

    /** Runs a statement of the merge; answers the rows it changed. */
    int update(String sql);

    /** Runs a query that answers one number. */
    long count(String sql);

    /** Runs a query that answers one id a row (the entities an import wrote, to tell search). */
    java.util.List<java.util.UUID> ids(String sql);

    /** Keeps the first staged row of each {@code keyColumn} value and reports the later ones as duplicates. */
    void rejectDuplicates(String keyColumn, String field);

    /**
     * Keeps the first row (lowest {@code row_no}) of each key in a table and reports the later ones, with
     * {@code message} formatted with the first row's number ({@code %s}).
     */
    void rejectDuplicates(String table, String keyExpression, String valueExpression, String field, String message);

    /** Reports the staged rows a condition selects, with a fixed message, and removes them from the stage. */
    void reject(String whereClause, String field, String valueExpression, String message);

    /** Like {@link #reject(String, String, String, String)} on any table, with a message expression. */
    void reject(String table, String whereClause, String field, String valueExpression, String messageExpression);

    /** Reports the rows a query selects ({@code row_no, value, message}) as warnings; they are still imported. */
    void warn(String selectRowNoValueMessage, String field);

    /**
     * A subquery, in parentheses, of {@code (external_id text, entity_id uuid)}: the entities of this type
     * that earlier imports of the organization created or matched, by the id they had in the file. The
     * entity may have been deleted or merged since; the owner checks it against its own table.
     */
    String importedIds(String entityType);

    /**
     * Records which entity each external id of this import became, from a query answering
     * {@code (external_id, entity_id)}; a later import with the same id finds it with {@link #importedIds}.
     */
    void rememberIds(String entityType, String selectExternalIdEntityId);
}
