package io.wellbase.insights.internal.ask;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.insights.internal.semantic.CheckedSpec;
import io.wellbase.insights.internal.semantic.QueryResult;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import io.wellbase.insights.internal.semantic.SpecCheck;
import io.wellbase.insights.internal.web.Specs;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questions in plain language: the interpreter fills a query spec (never SQL), the spec is checked with the
 * caller's rights and run like any analytics query, and the answer says in a sentence what the rows show.
 * Every question is audited with the spec it ran.
 */
@RestController
@Tag(name = "Analytics")
class AskController {

    static final int LAPSED_LISTED = 100;

    private final Specs specs;
    private final SemanticQueries queries;
    private final QuestionInterpreter interpreter;
    private final LapsedClients lapsed;
    private final AuditTrail audit;
    private final QuestionAllowance allowance;

    AskController(
            Specs specs,
            SemanticQueries queries,
            QuestionInterpreter interpreter,
            LapsedClients lapsed,
            AuditTrail audit,
            QuestionAllowance allowance) {
        this.allowance = allowance;
        this.specs = specs;
        this.queries = queries;
        this.interpreter = interpreter;
        this.lapsed = lapsed;
        this.audit = audit;
    }

    record Question(@Nullable String question) {}

    /**
     * An answer ({@code kind} answer or list), or a clarification or refusal saying what can be asked; {@code
     * source} says whether the built-in parser or the configured model read the question.
     */
    record Answer(
            String kind,
            String question,
            String answer,
            @Nullable Object spec,
            @Nullable Object compareTo,
            @Nullable String chart,
            List<QueryResult.Column> columns,
            List<? extends Object> data,
            @Nullable List<? extends Object> compared,
            @Nullable String currency,
            List<String> examples,
            String source,
            @Nullable String note) {

        Answer noted(@Nullable String why) {
            return why == null
                    ? this
                    : new Answer(
                            kind, question, answer, spec, compareTo, chart, columns, data, compared, currency, examples,
                            source, why);
        }
    }

    @PostMapping("/api/v1/insights/ask")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @io.wellbase.platform.plans.RequiresFeature(io.wellbase.platform.plans.Feature.AI_QUESTIONS)
    @Operation(
            summary = "Ask a question in plain language; answered through the semantic layer, never by SQL from text")
    Answer ask(Caller caller, @RequestBody Question body) {
        String question = body.question() == null ? "" : body.question().strip();
        if (question.isEmpty()) {
            throw ApiException.invalidField("question", "must not be blank");
        }
        if (question.length() > QuestionParser.MAX_LENGTH) {
            throw ApiException.invalidField("question", "at most " + QuestionParser.MAX_LENGTH + " characters");
        }
        SemanticQueries.Scope scope = specs.scope(caller);
        allowance.admit(scope.orgId());
        QuestionInterpreter.Reading reading = interpreter.read(question, scope);
        Answer answer = answer(caller, scope, question, reading).noted(reading.note());
        Map<String, AuditChange> changes = new LinkedHashMap<>();
        changes.put("question", new AuditChange(null, question));
        changes.put("kind", new AuditChange(null, answer.kind()));
        changes.put("source", new AuditChange(null, answer.source()));
        if (answer.spec() != null) {
            changes.put("spec", new AuditChange(null, answer.spec()));
        }
        audit.record(new AuditRecord(scope.orgId(), caller.userId(), "insights.asked", "question", "ask", changes));
        allowance.counted(scope.orgId(), java.time.Instant.now());
        return answer;
    }

    private Answer answer(
            Caller caller, SemanticQueries.Scope scope, String question, QuestionInterpreter.Reading reading) {
        String source = reading.source();
        return switch (reading.parsed()) {
            case Parsed.Refuse r -> words("refusal", question, r.reason(), r.examples(), source);
            case Parsed.Clarify c -> words("clarification", question, c.question(), c.examples(), source);
            case Parsed.LapsedClients l -> {
                List<LapsedClients.Row> rows = lapsed.find(scope.orgId(), scope.today(), l.days(), LAPSED_LISTED);
                yield new Answer(
                        "list",
                        question,
                        rows.isEmpty()
                                ? "Every client who came before has visited in the last " + l.days() + " days."
                                : rows.size() + (rows.size() == LAPSED_LISTED ? "+" : "")
                                        + " clients who came before have not visited in the last " + l.days()
                                        + " days; the most recent first.",
                        Map.of("list", "lapsedClients", "days", l.days()),
                        null,
                        "table",
                        List.of(
                                new QueryResult.Column("name", "Client", "dimension", null),
                                new QueryResult.Column("lastVisit", "Last visit", "dimension", null),
                                new QueryResult.Column("daysSince", "Days since", "metric", "count")),
                        rows,
                        null,
                        null,
                        List.of(),
                        source,
                        null);
            }
            case Parsed.Query q -> query(caller, scope, question, q, source);
        };
    }

    private Answer query(Caller caller, SemanticQueries.Scope scope, String question, Parsed.Query q, String source) {
        CheckedSpec spec;
        CheckedSpec second = null;
        switch (SpecCheck.check(q.spec(), m -> caller.can(m.permission()), scope.today())) {
            case SpecCheck.Invalid invalid -> {
                return words(
                        "clarification",
                        question,
                        "I read that as " + String.join(", ", q.spec().metrics()) + ", but "
                                + invalid.problems().getFirst().reason() + ".",
                        Parsed.EXAMPLES,
                        source);
            }
            case SpecCheck.Forbidden forbidden -> {
                return words(
                        "refusal",
                        question,
                        "Your role may not see " + forbidden.metric().label().toLowerCase(java.util.Locale.ROOT)
                                + "; ask an owner, admin or manager.",
                        List.of(),
                        source);
            }
            case SpecCheck.Valid valid -> spec = valid.spec();
        }
        if (q.compareTo() != null
                && SpecCheck.check(q.compareTo(), m -> caller.can(m.permission()), scope.today())
                        instanceof SpecCheck.Valid v) {
            second = v.spec();
        }
        QueryResult result;
        QueryResult compared = null;
        switch (queries.run(scope, spec)) {
            case SemanticQueries.Answered a -> result = a.result();
            case SemanticQueries.TooManyGroups t -> {
                return words(
                        "refusal", question, "That splits into too many groups; narrow it.", Parsed.EXAMPLES, source);
            }
            case SemanticQueries.TooSlow t -> {
                return words("refusal", question, "That took too long to count; narrow it.", Parsed.EXAMPLES, source);
            }
        }
        if (second != null && queries.run(scope, second) instanceof SemanticQueries.Answered a) {
            compared = a.result();
        }
        return new Answer(
                "answer",
                question,
                Sentences.of(result, compared),
                result.spec(),
                compared == null ? null : compared.spec(),
                Sentences.chart(result),
                result.columns(),
                result.rows(),
                compared == null ? null : compared.rows(),
                result.currency(),
                List.of(),
                source,
                null);
    }

    private static Answer words(String kind, String question, String text, List<String> examples, String source) {
        return new Answer(
                kind, question, text, null, null, null, List.of(), List.of(), null, null, examples, source, null);
    }
}
