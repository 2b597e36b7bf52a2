package io.wellbase.care.internal.sharing;

import java.util.Arrays;
import java.util.Optional;

/** What a client shares, category by category: staff see a category only while it is shared. */
public enum CareCategory {
    MOOD("mood"),
    ASSESSMENTS("assessments"),
    BREATHING("breathing"),
    NUTRITION("nutrition");

    private final String value;

    CareCategory(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<CareCategory> of(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
    }
}
