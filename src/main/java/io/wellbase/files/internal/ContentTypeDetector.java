package io.wellbase.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The content type of a file from its bytes (Tika's magic numbers). The name only refines plain
 * text (a {@code .csv} is {@code text/csv}); it never turns a binary into an allowed type.
 */
@Component
public class ContentTypeDetector {

    private final Tika tika = new Tika();

    public String detect(Path file, String filename) throws IOException {
        String fromBytes;
        try (InputStream in = Files.newInputStream(file)) {
            fromBytes = tika.detect(in);
        }
        if ("text/plain".equals(fromBytes) && filename != null) {
            String fromName = tika.detect(filename);
            if (fromName.equals("text/csv") || fromName.equals("text/tab-separated-values")) {
                return fromName;
            }
        }
        return fromBytes;
    }
}
