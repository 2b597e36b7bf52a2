package io.wellbase.files.internal;

import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} of a download, safe for any file name a user chose. */
final class ContentDisposition {

    private ContentDisposition() {}

    static String attachment(String filename) {
        return org.springframework.http.ContentDisposition.attachment()
                .filename(filename, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
