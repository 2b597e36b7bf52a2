package io.wellbase.files.internal;

import io.wellbase.platform.web.PublicUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Files in a local folder, one per object, written to a temporary name first and moved into place,
 * so that a crash never leaves half a file under a real key. Links are HMAC-signed URLs answered
 * by {@link SignedDownloadController}.
 */
class LocalStorage implements ObjectStorage {

    private final Path root;
    private final LinkSigner signer;
    private final PublicUrl publicUrl;

    LocalStorage(Path root, LinkSigner signer, PublicUrl publicUrl) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
        this.signer = signer;
        this.publicUrl = publicUrl;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void put(String key, Path content, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw new StorageObjectMissingException(key);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public String uploadUrl(String uploadId, String key, String contentType, long size, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return base() + "/uploads/direct/" + uploadId + "?expires=" + expires + "&signature="
                + signer.sign(DirectUploads.SIGNED_PREFIX + uploadId, expires);
    }

    @Override
    public String downloadUrl(String fileId, String key, String filename, String contentType, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return base() + "/files/" + fileId + "?expires=" + expires + "&signature=" + signer.sign(fileId, expires);
    }

    private String base() {
        return publicUrl.base();
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Storage key escapes the root: " + key);
        }
        return path;
    }
}
