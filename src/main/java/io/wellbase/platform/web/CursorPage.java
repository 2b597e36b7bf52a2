package io.wellbase.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of a long, growing list read by cursor: {@code nextCursor} is absent on the last page.
 */
public record CursorPage<T>(List<T> data, @Nullable String nextCursor) {}
