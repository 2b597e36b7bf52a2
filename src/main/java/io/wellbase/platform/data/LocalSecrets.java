package io.wellbase.platform.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Secrets an embedded installation makes for itself and keeps beside its data (the database password,
 * the key that encrypts signing keys): created once, readable by the owner only, read on every start.
 */
public final class LocalSecrets {

    private LocalSecrets() {}

    /**
     * Where the embedded installation keeps the secret {@code name}: {@code <data dir>/secrets/<name>}, beside
     * the database's own folder ({@code embeddedDataDir}, e.g. {@code .wellbase/pgdata}).
     */
    public static Path file(Path embeddedDataDir, String name) {
        return embeddedDataDir.toAbsolutePath().getParent().resolve("secrets").resolve(name);
    }

    /** The secret in {@code file}, made by {@code generator} (and written owner-only) when missing. */
    public static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            String secret = generator.get();
            try {
                Files.writeString(
                        file,
                        secret + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            ownerOnly(file, "rw-------");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret in " + file, e);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
