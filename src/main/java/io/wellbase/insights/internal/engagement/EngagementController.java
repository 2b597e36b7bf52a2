package io.wellbase.insights.internal.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import io.wellbase.insights.internal.web.Specs;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A client's engagement score with its parts (computed on first ask, then nightly and after check-ins). */
@RestController
@Tag(name = "Analytics")
class EngagementController {

    private final EngagementScores scores;
    private final Specs specs;
    private final ObjectMapper json;

    EngagementController(EngagementScores scores, Specs specs, ObjectMapper json) {
        this.scores = scores;
        this.specs = specs;
        this.json = json;
    }

    record ScoreView(UUID clientId, int score, JsonNode parts) {}

    @GetMapping("/api/v1/clients/{id}/score")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(
            summary = "A client's engagement score (0-100) and its parts: frequency against the studio's norm,"
                    + " recency, tenure, spend")
    ScoreView score(Caller caller, @PathVariable UUID id) {
        SemanticQueries.Scope scope = specs.scope(caller);
        if (!scores.clientExists(scope.orgId(), id)) {
            throw ApiException.notFound("Client");
        }
        EngagementScores.Score s = scores.find(scope.orgId(), id).orElseGet(() -> {
            scores.compute(scope.orgId(), scope.today(), id);
            return scores.find(scope.orgId(), id).orElseThrow();
        });
        return new ScoreView(s.clientId(), s.score(), json.readTree(s.parts()));
    }
}
