package io.wellbase.insights.internal.churn;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import io.wellbase.insights.internal.web.Specs;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who is about to leave and why, and how good the model saying so is. */
@RestController
@RequestMapping("/api/v1/predictions/churn")
@Tag(name = "Analytics")
class ChurnController {

    static final int MAX_LIMIT = 500;

    private final ChurnPredictions predictions;
    private final Specs specs;
    private final AuditTrail audit;

    ChurnController(ChurnPredictions predictions, Specs specs, AuditTrail audit) {
        this.predictions = predictions;
        this.specs = specs;
        this.audit = audit;
    }

    record Client(UUID clientId, String name, double probability, List<String> reasons) {}

    record AtRisk(@Nullable LocalDate asOf, @Nullable String method, List<Client> clients) {}

    @GetMapping
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(
            summary = "Clients with the probability that they will not visit in the next 30 days, highest first,"
                    + " with their top reasons in words")
    AtRisk churn(
            Caller caller,
            @RequestParam(defaultValue = "0.5") double minScore,
            @RequestParam(defaultValue = "50") int limit) {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw ApiException.invalidField("minScore", "must be between 0 and 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        SemanticQueries.Scope scope = specs.scope(caller);
        List<ChurnStore.Scored> scored = predictions.atRisk(scope.orgId(), scope.today(), minScore, limit);
        return new AtRisk(
                scored.isEmpty() ? scope.today() : scored.getFirst().asOf(),
                scored.isEmpty()
                        ? predictions
                                .model(scope.orgId())
                                .map(ChurnStore.Stored::method)
                                .orElse(null)
                        : scored.getFirst().method(),
                scored.stream()
                        .map(s -> new Client(s.clientId(), s.name(), round(s.probability()), s.reasons()))
                        .toList());
    }

    record Quality(
            @Nullable Double auc,
            @Nullable Double precisionAt10,
            @Nullable Double brier) {}

    record ModelPage(
            String method,
            String trainedAt,
            LocalDate asOf,
            LocalDate heldOutDay,
            int trainingRows,
            int heldOutRows,
            int heldOutLeavers,
            Quality quality,
            Quality rules,
            Map<String, Double> weights,
            long trainingMs,
            @Nullable String note) {}

    @GetMapping("/model")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(
            summary = "The organization's churn model: method, time-split evaluation (AUC, precision at the top 10 %,"
                    + " Brier) beside the rules' on the same held-out day, and its weights")
    ModelPage model(Caller caller) {
        SemanticQueries.Scope scope = specs.scope(caller);
        ChurnStore.Stored m =
                predictions.model(scope.orgId()).orElseGet(() -> predictions.train(scope.orgId(), scope.today()));
        return page(m);
    }

    @PostMapping("/model/retrain")
    @RequiresPermission(Permission.ANALYTICS_MANAGE)
    @Operation(summary = "Train the churn model again now on the organization's history (the weekly job does it too)")
    ModelPage retrain(Caller caller) {
        SemanticQueries.Scope scope = specs.scope(caller);
        ChurnStore.Stored m = predictions.train(scope.orgId(), scope.today());
        predictions.score(scope.orgId(), scope.today());
        audit.record(new AuditRecord(
                scope.orgId(),
                caller.userId(),
                "churn_model.trained",
                "churn_model",
                scope.orgId().toString(),
                Map.of("method", new AuditChange(null, m.method()), "auc", new AuditChange(null, m.auc()))));
        return page(m);
    }

    private static ModelPage page(ChurnStore.Stored m) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (m.weights() != null) {
            for (int i = 0; i < m.features().size(); i++) {
                weights.put(m.features().get(i), round(m.weights()[i]));
            }
        }
        return new ModelPage(
                m.method(),
                m.trainedAt().toString(),
                m.asOf(),
                m.asOf().minusDays(30),
                m.trainRows(),
                m.testRows(),
                m.testPositives(),
                new Quality(round(m.auc()), round(m.precisionAt10()), round(m.brier())),
                new Quality(round(m.rulesAuc()), round(m.rulesPrecisionAt10()), round(m.rulesBrier())),
                weights,
                m.trainingMs(),
                m.note());
    }

    private static @Nullable Double round(@Nullable Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
