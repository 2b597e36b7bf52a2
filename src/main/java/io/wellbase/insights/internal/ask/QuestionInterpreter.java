package io.wellbase.insights.internal.ask;

import io.wellbase.insights.internal.semantic.SemanticQueries;

/**
 * Reads a question into a {@link Parsed}: the built-in parser, or a language model filling the same spec.
 * Whatever it returns is checked against the semantic layer before anything runs.
 */
interface QuestionInterpreter {

    /** What was read, and by whom ({@code parser} or {@code model}). */
    record Reading(Parsed parsed, String source) {}

    Reading read(String question, SemanticQueries.Scope scope);
}
