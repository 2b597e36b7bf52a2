package io.wellbase.search;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing to find: its title (the name people type: a client's name, a class's), a subtitle and a body searched
 * too, the API path that shows it, and who may find it.
 */
public record SearchDocument(
        SearchType type,
        UUID id,
        String title,
        @Nullable String subtitle,
        @Nullable String body,
        String link,
        SearchAudience audience,
        List<UUID> participants) {

    public SearchDocument {
        Objects.requireNonNull(title, "title");
        participants = List.copyOf(participants);
    }

    public static SearchDocument of(
            SearchType type,
            UUID id,
            String title,
            @Nullable String subtitle,
            @Nullable String body,
            String link,
            SearchAudience audience) {
        return new SearchDocument(type, id, title, subtitle, body, link, audience, List.of());
    }
}
