package io.wellbase.files.internal;

import io.wellbase.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;

/** Copies an upload to a temporary file while counting and hashing it, stopping at the size limit. */
final class TempFiles {

    record Copy(Path path, long size, String sha256) {}

    private TempFiles() {}

    static Copy copy(InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile("wellbase-upload-", ".bin");
        try {
            MessageDigest digest = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ApiException(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "file.too_large",
                                "The file is larger than " + maxBytes + " bytes allowed for this purpose");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new Copy(temp, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    static Copy describe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Copy copy = copy(in, Long.MAX_VALUE);
            Files.deleteIfExists(copy.path());
            return new Copy(file, copy.size(), copy.sha256());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
