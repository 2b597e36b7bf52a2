package io.wellbase.platform.data;

import io.wellbase.platform.internal.db.DatabaseBackup;

/**
 * The commands the jar runs instead of the server: {@code backup FILE} and {@code restore FILE}
 * (docs/operations.md#backups).
 */
public final class DatabaseCommands {

    private DatabaseCommands() {}

    public static boolean isCommand(String[] args) {
        return DatabaseBackup.isCommand(args);
    }

    /** Runs the command; answers the process exit code. */
    public static int run(String[] args) {
        return DatabaseBackup.run(args);
    }
}
