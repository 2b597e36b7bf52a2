package io.wellbase.files;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a file is kept. Each purpose has its own size limit and allowed content types; the last two
 * are written by Wellbase itself (exports and reports) and cannot be uploaded.
 */
public enum FilePurpose {
    AVATAR("avatar", true),
    CLIENT_DOCUMENT("client_document", true),
    IMPORT("import", true),
    ATTACHMENT("attachment", true),
    SKIN_IMAGE("skin_image", true),
    PRODUCT_IMAGE("product_image", true),
    EXPORT("export", false),
    REPORT("report", false);

    private final String value;
    private final boolean uploadable;

    FilePurpose(String value, boolean uploadable) {
        this.value = value;
        this.uploadable = uploadable;
    }

    public String value() {
        return value;
    }

    public boolean uploadable() {
        return uploadable;
    }

    public static Optional<FilePurpose> of(String value) {
        return Arrays.stream(values())
                .filter(p -> p.value.equalsIgnoreCase(value))
                .findFirst();
    }
}
