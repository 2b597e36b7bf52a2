package io.wellbase.care.internal.achievements;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.internal.CareFields;
import io.wellbase.care.internal.sharing.CareAccess;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.RequiresFeature;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The achievements there are, the ones a client earned, and how far they are from the rest. */
@RestController
@RequiresFeature(Feature.CARE)
@Tag(name = "Care")
class AchievementsController {

    private final Achievements achievements;
    private final CareAccess access;
    private final AuditTrail audit;

    AchievementsController(Achievements achievements, CareAccess access, AuditTrail audit) {
        this.achievements = achievements;
        this.access = access;
        this.audit = audit;
    }

    record AchievementView(
            String code,
            String name,
            @Nullable String description,
            @Nullable String icon,
            String category,
            int points,
            JsonNode requirement,
            boolean builtIn) {

        static AchievementView of(Achievement a) {
            return new AchievementView(
                    a.code(),
                    a.name(),
                    a.description(),
                    a.icon(),
                    a.category(),
                    a.points(),
                    a.requirement().json(),
                    a.builtIn());
        }
    }

    record EarnedView(AchievementView achievement, OffsetDateTime earnedAt) {}

    record ProgressView(AchievementView achievement, int current, int target, boolean earned) {}

    record Request(
            @Nullable String code,
            @Nullable String name,
            @Nullable String description,
            @Nullable String icon,
            @Nullable String category,
            @Nullable Integer points,
            @Nullable JsonNode requirement) {}

    @GetMapping("/api/v1/achievements")
    @Operation(summary = "Every achievement of the organization (built in and its own) with what earns it")
    Map<String, List<AchievementView>> all(Caller caller) {
        return Map.of(
                "data",
                achievements.all(caller.requireOrganization()).stream()
                        .map(AchievementView::of)
                        .toList());
    }

    @PostMapping("/api/v1/achievements")
    @RequiresPermission(Permission.CARE_MANAGE)
    @Operation(
            summary =
                    "Add an achievement: requirement {type: classes|breathingSessions, count} or {type: moodStreak, days}")
    ResponseEntity<AchievementView> add(Caller caller, @RequestBody Request r) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        CareFields.code(r.code(), errors);
        CareFields.name(r.name(), 100, errors);
        if (r.points() == null || r.points() < 0 || r.points() > 100_000) {
            errors.add(new ApiException.FieldError("points", "from 0 to 100000"));
        }
        Requirement requirement =
                r.requirement() == null ? null : Requirement.of(r.requirement()).orElse(null);
        if (requirement == null) {
            errors.add(new ApiException.FieldError(
                    "requirement",
                    "{\"type\": \"classes\", \"breathingSessions\" or \"programsCompleted\", \"count\": 1-10000} or {\"type\": \"moodStreak\","
                            + " \"days\": 1-10000}"));
        }
        ApiException.throwIfInvalid(errors);
        Achievement a = new Achievement(
                r.code(),
                r.name().strip(),
                r.description(),
                r.icon(),
                r.category() == null ? requirement.type() : r.category(),
                r.points(),
                requirement,
                false);
        if (!achievements.add(org, Ids.newId(), a)) {
            throw ApiException.conflict("achievement.exists", "An achievement with this code exists");
        }
        audit.record(AuditRecord.of(
                org,
                "achievement.added",
                "achievement",
                a.code(),
                Map.of("points", new AuditChange(null, a.points()))));
        return ResponseEntity.status(HttpStatus.CREATED).body(AchievementView.of(a));
    }

    @GetMapping("/api/v1/achievements/user")
    @Operation(summary = "The achievements the signed-in client earned, oldest first")
    Map<String, List<EarnedView>> mine(Caller caller) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        Map<String, Achievement> byCode = new java.util.HashMap<>();
        achievements.all(org).forEach(a -> byCode.put(a.code(), a));
        return Map.of(
                "data",
                achievements.earned(org, client).stream()
                        .filter(e -> byCode.containsKey(e.code()))
                        .map(e -> new EarnedView(AchievementView.of(byCode.get(e.code())), e.earnedAt()))
                        .toList());
    }

    @GetMapping("/api/v1/achievements/progress")
    @Operation(summary = "How far the signed-in client is towards each achievement")
    Map<String, List<ProgressView>> progress(Caller caller) {
        UUID org = caller.requireOrganization();
        UUID client = access.self(caller);
        Progress progress = achievements.progress(org, client);
        List<String> earned = achievements.earned(org, client).stream()
                .map(Achievements.Earned::code)
                .toList();
        return Map.of(
                "data",
                achievements.all(org).stream()
                        .map(a -> new ProgressView(
                                AchievementView.of(a),
                                Math.min(
                                        a.requirement().current(progress),
                                        a.requirement().target()),
                                a.requirement().target(),
                                earned.contains(a.code())))
                        .toList());
    }
}
