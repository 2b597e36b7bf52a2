package io.wellbase.insights.internal.advice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import io.wellbase.insights.internal.web.Specs;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.RequestDates;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scheduling advice over the last weeks (90 days unless told). */
@RestController
@Tag(name = "Analytics")
class AdviceController {

    private final SchedulingAdvice advice;
    private final Specs specs;

    AdviceController(SchedulingAdvice advice, Specs specs) {
        this.advice = advice;
        this.specs = specs;
    }

    @GetMapping("/api/v1/analytics/optimal-scheduling")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(
            summary = "Fill rate by weekday and hour, slots to add a class to (full, with waitlists), slots to move or"
                    + " merge (under lowFillPercent), standby places from no-shows, instructor utilisation")
    SchedulingAdvice.Advice optimal(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "40") int lowFillPercent,
            @RequestParam(defaultValue = "50") int fullShare,
            @RequestParam(defaultValue = "2") int minWaitlist) {
        SemanticQueries.Scope scope = specs.scope(caller);
        LocalDate end = RequestDates.date("to", to, scope.today());
        LocalDate start = RequestDates.date("from", from, end.minusDays(89));
        if (end.isBefore(start) || start.plusDays(366).isBefore(end)) {
            throw ApiException.invalidField("to", "must not be before from, at most a year after it");
        }
        if (lowFillPercent < 1 || lowFillPercent > 100 || fullShare < 1 || fullShare > 100 || minWaitlist < 1) {
            throw ApiException.invalidField("lowFillPercent", "percentages 1-100, minWaitlist at least 1");
        }
        return advice.advise(
                scope, start, end, new SchedulingAdvice.Thresholds(lowFillPercent, fullShare, minWaitlist));
    }
}
