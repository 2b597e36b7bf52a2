package io.wellbase.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A caller's role inside one organization. Staff roles run the business; {@code CLIENT} is a
 * business's own customer and sees only their own records.
 */
public enum Role {
    OWNER,
    ADMIN,
    MANAGER,
    STAFF,
    FRONT_DESK,
    CLIENT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(r -> r.value().equalsIgnoreCase(value.trim()))
                .findFirst();
    }
}
