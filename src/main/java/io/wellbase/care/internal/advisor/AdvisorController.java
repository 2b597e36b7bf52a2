package io.wellbase.care.internal.advisor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.care.CareProperties;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AI advisor for clients: a question is accepted at once (202) and answered by a job; a crisis message is
 * routed to a counselor in the same request. Limited per user per hour.
 */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class AdvisorController {

    static final int MAX_INPUT = 4000;

    private final Advisor advisor;
    private final AdvisorStore store;
    private final CareAccess access;
    private final RateLimiter limiter;
    private final CareProperties settings;

    AdvisorController(
            Advisor advisor, AdvisorStore store, CareAccess access, RateLimiter limiter, CareProperties settings) {
        this.advisor = advisor;
        this.store = store;
        this.access = access;
        this.limiter = limiter;
        this.settings = settings;
    }

    record Request(@Nullable String type, @Nullable String input) {}

    record Feedback(@Nullable Integer rating, @Nullable String comment) {}

    @PostMapping("/api/v1/ai/sessions")
    @Operation(
            summary = "Ask the advisor (clients): 202 with the session, answered by a job; a message about self-harm or"
                    + " abuse is routed to a counselor at once instead")
    ResponseEntity<AdvisorStore.Session> ask(Caller caller, @RequestBody Request r) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        String type = r.type() == null ? "instant" : r.type();
        if (!type.equals("instant") && !type.equals("analysis")) {
            throw ApiException.invalidField("type", "instant or analysis");
        }
        if (r.input() == null || r.input().isBlank() || r.input().length() > MAX_INPUT) {
            throw ApiException.invalidField("input", "1 to " + MAX_INPUT + " characters");
        }
        RateLimiter.Decision decision = limiter.tryConsume(
                "advisor:" + caller.userId(),
                new RateLimiter.Limit(settings.advisor().questionsPerHour(), Duration.ofHours(1)));
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests(
                    "rate_limited",
                    "At most " + decision.limit() + " questions an hour",
                    decision.limit(),
                    Duration.ofSeconds(decision.resetSeconds()));
        }
        return ResponseEntity.accepted()
                .body(advisor.ask(org, client, caller.userId(), type, r.input().strip()));
    }

    @GetMapping("/api/v1/ai/sessions/{id}")
    @Operation(summary = "One of your advisor sessions: queued, answered (by the model or the rules) or routed")
    AdvisorStore.Session get(Caller caller, @PathVariable UUID id) {
        return own(caller, id);
    }

    @PostMapping("/api/v1/ai/sessions/{id}/feedback")
    @Operation(summary = "Rate an answer (1-5) with a comment; a second rating replaces the first")
    AdvisorStore.Session feedback(Caller caller, @PathVariable UUID id, @RequestBody Feedback f) {
        own(caller, id);
        if (f.rating() == null || f.rating() < 1 || f.rating() > 5) {
            throw ApiException.invalidField("rating", "from 1 to 5");
        }
        if (f.comment() != null && f.comment().length() > 2000) {
            throw ApiException.invalidField("comment", "at most 2,000 characters");
        }
        store.feedback(caller.requireOrganization(), id, f.rating(), f.comment());
        return own(caller, id);
    }

    private AdvisorStore.Session own(Caller caller, UUID id) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        return store.find(org, id)
                .filter(s -> s.clientId().equals(client))
                .orElseThrow(() -> ApiException.notFound("Advisor session"));
    }
}
