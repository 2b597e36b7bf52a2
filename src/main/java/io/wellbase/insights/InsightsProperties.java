package io.wellbase.insights;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the insights module ({@code wellbase.insights.*}).
 *
 * @param queryTimeout the statement timeout of every analytics query and question, in a read-only transaction
 * @param maxGroups    the most groups one statement of a query may return before the query is refused as too broad
 * @param atRiskDays   a member with no visit for this many days counts as at risk on the home summary
 * @param llm          an OpenAI-compatible model that reads questions into query specs; without a base URL, the
 *                     built-in parser reads them
 */
@ConfigurationProperties("wellbase.insights")
public record InsightsProperties(
        @DefaultValue("5s") Duration queryTimeout,
        @DefaultValue("20000") int maxGroups,
        @DefaultValue("21") int atRiskDays,
        @DefaultValue Llm llm) {

    /**
     * @param baseUrl the API's base URL (e.g. {@code https://api.openai.com/v1}, or a local server's)
     * @param apiKey  its key
     * @param model   the model's name
     * @param timeout how long to wait for its answer before the built-in parser reads the question instead
     */
    public record Llm(
            @Nullable String baseUrl,
            @Nullable String apiKey,
            @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("10s") Duration timeout) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }
}
