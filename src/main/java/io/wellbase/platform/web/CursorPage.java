package io.wellbase.platform.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A page of a long, growing list read by cursor: {@code nextCursor} is absent on the last page.
 */
public record CursorPage<T>(List<T> data, @Nullable String nextCursor) {

    /**
     * The page of a query that fetched one row more than {@code size}: the extra row only says that another
     * page follows, whose cursor is the last row's.
     */
    public static <T> CursorPage<T> fromLookahead(List<T> rows, int size, Function<T, UUID> cursorOf) {
        boolean more = rows.size() > size;
        List<T> page = more ? rows.subList(0, size) : rows;
        return new CursorPage<>(
                List.copyOf(page), more ? cursorOf.apply(page.getLast()).toString() : null);
    }

    /** A cursor this kind of page handed out (a row id); null for none; a 400 for anything else. */
    public static @Nullable UUID idCursor(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("cursor", "is not a cursor this endpoint returned");
        }
    }
}
