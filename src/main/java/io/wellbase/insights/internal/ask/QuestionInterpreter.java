package io.wellbase.insights.internal.ask;

import io.wellbase.insights.internal.semantic.SemanticQueries;

/**
 * Reads a question into a {@link Parsed}: the built-in parser, or a language model filling the same spec.
 * Whatever it returns is checked against the semantic layer before anything runs.
 */
interface QuestionInterpreter {

    /** What was read, and by whom ({@code parser} or {@code model}); a note when the model was passed over. */
    record Reading(
            Parsed parsed,
            String source,
            @org.jspecify.annotations.Nullable String note) {

        Reading(Parsed parsed, String source) {
            this(parsed, source, null);
        }

        Reading withNote(String why) {
            return new Reading(parsed, source, why);
        }
    }

    Reading read(String question, SemanticQueries.Scope scope);
}
