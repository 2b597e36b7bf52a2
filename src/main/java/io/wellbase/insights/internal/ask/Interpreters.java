package io.wellbase.insights.internal.ask;

import io.wellbase.insights.InsightsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.ObjectMapper;

/** The interpreter questions go to: the configured model (with the parser behind it), else the parser. */
@Configuration(proxyBeanMethods = false)
class Interpreters {

    @Bean
    @Primary
    QuestionInterpreter questionInterpreter(
            InsightsProperties settings, VocabularyLoader vocabulary, OfflineInterpreter offline, ObjectMapper json) {
        return settings.llm().configured() ? new ModelInterpreter(settings.llm(), vocabulary, offline, json) : offline;
    }
}
