package io.wellbase.insights.internal.ask;

import java.util.List;

/** The organization's own names a question may mention: class types, locations, instructors, plans, tags. */
public record Vocabulary(
        List<String> classTypes,
        List<String> locations,
        List<String> instructors,
        List<String> plans,
        List<String> tags) {

    public static Vocabulary empty() {
        return new Vocabulary(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
