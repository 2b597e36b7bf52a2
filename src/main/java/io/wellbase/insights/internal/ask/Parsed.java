package io.wellbase.insights.internal.ask;

import io.wellbase.insights.internal.semantic.QuerySpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the parser (or a language model) made of a question. */
public sealed interface Parsed {

    /** A query spec to run, and optionally the same question over a second period to compare with. */
    record Query(QuerySpec spec, @Nullable QuerySpec compareTo) implements Parsed {}

    /** Clients with no visit in the last {@code days} days: a list, not a figure. */
    record LapsedClients(int days) implements Parsed {}

    /** The question names something but not enough: what to add. */
    record Clarify(String question, List<String> examples) implements Parsed {}

    /** Nothing the semantic layer can answer: what can be asked instead. */
    record Refuse(String reason, List<String> examples) implements Parsed {}

    List<String> EXAMPLES = List.of(
            "how many people came to yoga last month",
            "revenue by plan this year",
            "which instructor had the best fill rate in March",
            "clients who haven't visited in 30 days",
            "compare no-shows this quarter with last quarter");
}
