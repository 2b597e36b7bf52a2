package io.wellbase.care;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the care module ({@code wellbase.care.*}).
 *
 * @param advisor   the AI advisor: an OpenAI-compatible model, and how many questions a user may ask an hour
 * @param fatsecret the FatSecret food database
 */
@ConfigurationProperties("wellbase.care")
public record CareProperties(
        @DefaultValue Advisor advisor, @DefaultValue FatSecret fatsecret) {

    /**
     * The FatSecret Platform API, for looking up foods' nutrition (OAuth 2 client credentials); without a client id,
     * food look-up answers that no food database is configured.
     *
     * @param clientId     the client id of the FatSecret developer account
     * @param clientSecret its secret
     * @param tokenUrl     the token endpoint
     * @param apiUrl       the REST API's endpoint
     * @param timeout      how long to wait for either
     */
    public record FatSecret(
            @Nullable String clientId,
            @Nullable String clientSecret,

            @DefaultValue("https://oauth.fatsecret.com/connect/token")
            String tokenUrl,

            @DefaultValue("https://platform.fatsecret.com/rest/server.api")
            String apiUrl,

            @DefaultValue("10s") Duration timeout) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank();
        }
    }

    /**
     * @param baseUrl        the model API's base URL; without one, the rule-based advisor answers from the
     *                       organization's own content
     * @param apiKey         its key
     * @param model          the model's name
     * @param timeout        how long to wait for the model before the rule-based advisor answers instead
     * @param questionsPerHour how many questions one user may ask in an hour
     */
    public record Advisor(
            @Nullable String baseUrl,
            @Nullable String apiKey,
            @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("20s") Duration timeout,
            @DefaultValue("20") int questionsPerHour) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }
}
