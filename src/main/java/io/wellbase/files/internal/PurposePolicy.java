package io.wellbase.files.internal;

import io.wellbase.files.FilePurpose;
import java.util.Map;
import java.util.Set;

/**
 * What each purpose accepts: the largest size and the content types, as detected from the bytes.
 * SVG and HTML are never accepted (they run script in a browser); office files are left out until a
 * virus scanner sits in front of them.
 */
public final class PurposePolicy {

    public record Rule(long maxBytes, Set<String> contentTypes) {}

    /** What a business's client may upload for themself in the portal, and sees of their own files there. */
    public static final Set<FilePurpose> FOR_CLIENTS =
            Set.of(FilePurpose.AVATAR, FilePurpose.CLIENT_DOCUMENT, FilePurpose.SKIN_IMAGE);

    private static final long MIB = 1024 * 1024;
    private static final Set<String> PHOTOS = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Set<String> CLINICAL_PHOTOS = Set.of("image/jpeg", "image/png", "image/webp", "image/heic");
    private static final Set<String> DOCUMENTS =
            Set.of("application/pdf", "image/jpeg", "image/png", "image/webp", "image/heic", "text/plain");
    private static final Set<String> TABLES = Set.of("text/plain", "text/csv", "text/tab-separated-values");

    private static final Map<FilePurpose, Rule> RULES = Map.of(
            FilePurpose.AVATAR, new Rule(5 * MIB, PHOTOS),
            FilePurpose.CLIENT_DOCUMENT, new Rule(25 * MIB, DOCUMENTS),
            FilePurpose.IMPORT, new Rule(1024 * MIB, TABLES),
            FilePurpose.ATTACHMENT, new Rule(25 * MIB, DOCUMENTS),
            FilePurpose.SKIN_IMAGE, new Rule(15 * MIB, CLINICAL_PHOTOS),
            FilePurpose.PRODUCT_IMAGE, new Rule(10 * MIB, PHOTOS));

    private PurposePolicy() {}

    /** The rule of an uploadable purpose; generated purposes (export, report) have none. */
    public static Rule of(FilePurpose purpose) {
        Rule rule = RULES.get(purpose);
        if (rule == null) {
            throw new IllegalArgumentException(purpose + " is written by Wellbase, not uploaded");
        }
        return rule;
    }
}
