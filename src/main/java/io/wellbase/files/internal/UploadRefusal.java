package io.wellbase.files.internal;

import io.wellbase.files.FilePurpose;
import io.wellbase.platform.web.ApiException;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** Why bytes may not be kept for a purpose: none at all, too many, or a type the purpose does not take. */
sealed interface UploadRefusal {

    record Empty() implements UploadRefusal {}

    record TooLarge(FilePurpose purpose, long maxBytes) implements UploadRefusal {}

    record UnsupportedType(FilePurpose purpose, String type, PurposePolicy.Rule rule) implements UploadRefusal {}

    /** The refusal of {@code size} bytes of {@code type} for the purpose, if any (an empty file first). */
    static Optional<UploadRefusal> of(FilePurpose purpose, PurposePolicy.Rule rule, long size, String type) {
        if (size == 0) {
            return Optional.of(new Empty());
        }
        if (size > rule.maxBytes()) {
            return Optional.of(new TooLarge(purpose, rule.maxBytes()));
        }
        if (!rule.contentTypes().contains(type)) {
            return Optional.of(new UnsupportedType(purpose, type, rule));
        }
        return Optional.empty();
    }

    /** The problem the API answers for it: 400, 413 or 415. */
    default ApiException problem() {
        return switch (this) {
            case Empty e -> ApiException.invalidField("file", "is empty");
            case TooLarge t ->
                new ApiException(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "file.too_large",
                        "A " + t.purpose().value() + " file may be at most " + t.maxBytes() + " bytes");
            case UnsupportedType u ->
                new ApiException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "file.unsupported_type",
                        "A " + u.purpose().value() + " file may not be " + u.type() + "; allowed: "
                                + String.join(
                                        ", ",
                                        u.rule().contentTypes().stream()
                                                .sorted()
                                                .toList()));
        };
    }
}
