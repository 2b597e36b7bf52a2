package io.wellbase.identity;

import io.wellbase.platform.imports.ImportStage;

/**
 * The accounts of imported staff. The staged rows have {@code first_name}, {@code last_name} and
 * {@code email}, and the columns {@code target_id uuid} (the person's existing account) and
 * {@code changed boolean} (set when the import changed them).
 */
public interface UserImports {

    /**
     * Sets {@code target_id} to the account each row is: the one it was imported as before (by its
     * Staff ID), else the account with its email. Erased accounts never match.
     */
    void matchAccounts(ImportStage stage);

    /**
     * Creates an account without a password for each row without {@code target_id}, with {@code new_id}
     * as its id; the person signs in by "forgot password", which proves the address is theirs. Answers how
     * many were created.
     */
    long createAccounts(ImportStage stage);

    /**
     * Takes the file's names for the matched accounts that were never claimed (no password yet): names
     * a person chose themselves are theirs. Marks the renamed rows {@code changed}.
     */
    void renameUnclaimed(ImportStage stage);
}
