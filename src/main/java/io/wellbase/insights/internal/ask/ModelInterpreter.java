package io.wellbase.insights.internal.ask;

import io.wellbase.insights.InsightsProperties;
import io.wellbase.insights.internal.semantic.Dimension;
import io.wellbase.insights.internal.semantic.Metric;
import io.wellbase.insights.internal.semantic.QuerySpec;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a question with an OpenAI-compatible model (Spring AI): the model may only call one of four tools whose
 * arguments are a query spec, a clarification, a refusal or the lapsed-clients list; the tools are never run by
 * the model's side, their arguments are read here and then checked against the semantic layer like any spec.
 * Whatever else the model says is ignored. When it fails or answers without a usable tool call, the built-in
 * parser reads the question.
 */
class ModelInterpreter implements QuestionInterpreter {

    private static final Logger log = LoggerFactory.getLogger(ModelInterpreter.class);

    static final String RUN_QUERY = "run_query";
    static final String CLARIFY = "ask_back";
    static final String REFUSE = "refuse";
    static final String LAPSED = "list_lapsed_clients";

    private final OpenAiChatModel model;
    private final OpenAiChatOptions options;
    private final VocabularyLoader vocabulary;
    private final OfflineInterpreter fallback;
    private final ObjectMapper json;

    ModelInterpreter(
            InsightsProperties.Llm settings,
            VocabularyLoader vocabulary,
            OfflineInterpreter fallback,
            ObjectMapper json) {
        this.vocabulary = vocabulary;
        this.fallback = fallback;
        this.json = json;
        this.options = OpenAiChatOptions.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey())
                .model(settings.model())
                .temperature(0.0)
                .timeout(settings.timeout())
                .toolCallbacks(tools())
                .build();
        this.model = OpenAiChatModel.builder().options(options).build();
    }

    @Override
    public Reading read(String question, SemanticQueries.Scope scope) {
        try {
            ChatResponse response = model.call(
                    new Prompt(List.of(new SystemMessage(system(scope)), new UserMessage(question)), options));
            AssistantMessage out = response.getResult().getOutput();
            if (!out.hasToolCalls()) {
                return fallback.read(question, scope).withNote("the model answered without a tool call");
            }
            AssistantMessage.ToolCall call = out.getToolCalls().getFirst();
            return new Reading(parsed(call.name(), json.readTree(call.arguments())), "model");
        } catch (RuntimeException e) {
            log.warn("the language model could not read a question; the built-in parser reads it: {}", e.toString());
            return fallback.read(question, scope).withNote("the model could not be used");
        }
    }

    /** A tool call's arguments as the parser's outcome; anything unexpected is a refusal, never a guess. */
    Parsed parsed(String tool, JsonNode args) {
        return switch (tool) {
            case RUN_QUERY -> new Parsed.Query(spec(args), args.has("compareTo") ? spec(args.path("compareTo")) : null);
            case CLARIFY -> new Parsed.Clarify(text(args, "question", "Which figure do you mean?"), Parsed.EXAMPLES);
            case REFUSE ->
                new Parsed.Refuse(text(args, "reason", "That is not something I can answer"), Parsed.EXAMPLES);
            case LAPSED -> {
                int days = args.path("days").asInt(30);
                yield days >= 1 && days <= 3650
                        ? new Parsed.LapsedClients(days)
                        : new Parsed.Refuse("days must be between 1 and 3650", Parsed.EXAMPLES);
            }
            default -> new Parsed.Refuse("The model asked for something that does not exist", Parsed.EXAMPLES);
        };
    }

    private QuerySpec spec(JsonNode a) {
        Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
        a.path("filters")
                .properties()
                .forEach(e -> filters.put(
                        e.getKey(),
                        e.getValue().isArray()
                                ? e.getValue()
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList()
                                : List.of(e.getValue().asString())));
        JsonNode range = a.path("timeRange");
        return new QuerySpec(
                strings(a.path("metrics")),
                strings(a.path("dimensions")),
                filters,
                range.isObject()
                        ? new QuerySpec.TimeRange(
                                range.path("from").isString()
                                        ? range.path("from").asString()
                                        : null,
                                range.path("to").isString() ? range.path("to").asString() : null)
                        : null,
                a.path("sort").isString() ? a.path("sort").asString() : null,
                a.path("limit").isIntegralNumber() ? a.path("limit").asInt() : null);
    }

    private static List<String> strings(JsonNode array) {
        return array.isArray() ? array.valueStream().map(JsonNode::asString).toList() : List.of();
    }

    private static String text(JsonNode args, String field, String fallback) {
        String s = args.path(field).asString("");
        return s.isBlank() ? fallback : s.length() > 300 ? s.substring(0, 300) : s;
    }

    private String system(SemanticQueries.Scope scope) {
        Vocabulary v = vocabulary.of(scope.orgId());
        return """
                You turn a studio owner's question into exactly one tool call. Today is %s. Never answer in text.
                Metrics: %s. Dimensions: %s.
                Filters map a dimension to values; the studio's names are: class types %s; locations %s; instructors %s;
                plans %s; tags %s. Dates are ISO (YYYY-MM-DD), both ends included. Sort is a metric key, with - for
                highest first. Use ask_back when a figure is missing, refuse when the question is not about the
                studio's figures, list_lapsed_clients for clients who have not visited for a number of days.
                """.formatted(
                        scope.today(),
                        Arrays.stream(Metric.values())
                                .map(m -> m.key() + " (" + m.label() + ")")
                                .collect(Collectors.joining(", ")),
                        Arrays.stream(Dimension.values()).map(Dimension::key).collect(Collectors.joining(", ")),
                        v.classTypes(),
                        v.locations(),
                        v.instructors(),
                        v.plans(),
                        v.tags());
    }

    private static List<ToolCallback> tools() {
        String metrics =
                Arrays.stream(Metric.values()).map(m -> "\"" + m.key() + "\"").collect(Collectors.joining(","));
        String dimensions = Arrays.stream(Dimension.values())
                .map(d -> "\"" + d.key() + "\"")
                .collect(Collectors.joining(","));
        String spec = """
                {"type":"object","properties":{
                  "metrics":{"type":"array","items":{"type":"string","enum":[%1$s]},"minItems":1},
                  "dimensions":{"type":"array","items":{"type":"string","enum":[%2$s]}},
                  "filters":{"type":"object","additionalProperties":{"type":"array","items":{"type":"string"}}},
                  "timeRange":{"type":"object","properties":{"from":{"type":"string","format":"date"},"to":{"type":"string","format":"date"}}},
                  "sort":{"type":"string"},"limit":{"type":"integer","minimum":1,"maximum":10000}%3$s},
                 "required":["metrics"]}""".formatted(metrics, dimensions, "%s");
        String withCompare = spec.formatted(",\"compareTo\":" + spec.formatted(""));
        return List.of(
                tool(RUN_QUERY, "Run a query of the studio's figures", withCompare),
                tool(
                        CLARIFY,
                        "Ask the user which figure or period they mean",
                        "{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"}},\"required\":[\"question\"]}"),
                tool(
                        REFUSE,
                        "Refuse a question that is not about the studio's figures",
                        "{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\"}},\"required\":[\"reason\"]}"),
                tool(
                        LAPSED,
                        "List clients who came before but not in the last N days",
                        "{\"type\":\"object\",\"properties\":{\"days\":{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"days\"]}"));
    }

    private static ToolCallback tool(String name, String description, String schema) {
        return FunctionToolCallback.builder(name, (String in) -> "not run")
                .description(description)
                .inputSchema(schema)
                .inputType(String.class)
                .build();
    }
}
