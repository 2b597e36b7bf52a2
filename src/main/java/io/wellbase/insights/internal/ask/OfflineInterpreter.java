package io.wellbase.insights.internal.ask;

import io.wellbase.insights.internal.semantic.SemanticQueries;
import org.springframework.stereotype.Component;

/** The built-in English parser with the organization's own names; the default, and the model's fallback. */
@Component
class OfflineInterpreter implements QuestionInterpreter {

    private final VocabularyLoader vocabulary;

    OfflineInterpreter(VocabularyLoader vocabulary) {
        this.vocabulary = vocabulary;
    }

    @Override
    public Reading read(String question, SemanticQueries.Scope scope) {
        return new Reading(QuestionParser.parse(question, vocabulary.of(scope.orgId()), scope.today()), "parser");
    }
}
