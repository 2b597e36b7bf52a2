package io.wellbase.search;

import io.wellbase.platform.security.Permission;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of thing search finds, each with the permission a staff member needs to find the staff-only ones
 * (conversations and messages are found by their participants only, whatever their role).
 */
public enum SearchType {
    CLIENT(Permission.CLIENT_READ),
    STAFF(Permission.MEMBER_READ),
    CLASS_TYPE(Permission.SCHEDULE_READ),
    SESSION(Permission.SCHEDULE_READ),
    PRODUCT(Permission.ORDER_SELL),
    PROGRAM(Permission.CARE_MANAGE),
    CONVERSATION(null),
    MESSAGE(null);

    private final @Nullable Permission staffPermission;

    SearchType(@Nullable Permission staffPermission) {
        this.staffPermission = staffPermission;
    }

    /** The permission that shows a staff member this type's staff-only documents; null: participants only. */
    public @Nullable Permission staffPermission() {
        return staffPermission;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchType> parse(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
