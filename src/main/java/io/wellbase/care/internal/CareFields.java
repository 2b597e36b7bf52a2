package io.wellbase.care.internal;

import io.wellbase.platform.web.ApiException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The field checks the care endpoints share for what staff define (breathing techniques, achievements,
 * questionnaires): a code other records refer to, and a name.
 */
public final class CareFields {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{1,39}");

    private CareFields() {}

    /** A code of 2 to 40 lower-case letters, digits, _ or -, starting with a letter or digit. */
    public static void code(@Nullable String code, List<ApiException.FieldError> errors) {
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new ApiException.FieldError("code", "2 to 40 lower-case letters, digits, _ or -"));
        }
    }

    /** A name of 1 to {@code max} characters, not blank. */
    public static void name(@Nullable String name, int max, List<ApiException.FieldError> errors) {
        if (name == null || name.isBlank() || name.length() > max) {
            errors.add(new ApiException.FieldError("name", "1 to " + max + " characters"));
        }
    }
}
