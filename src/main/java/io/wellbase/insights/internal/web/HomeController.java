package io.wellbase.insights.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.insights.InsightsProperties;
import io.wellbase.insights.internal.home.HomeFigures;
import io.wellbase.insights.internal.semantic.Figures;
import io.wellbase.insights.internal.semantic.Metric;
import io.wellbase.insights.internal.semantic.QueryResult;
import io.wellbase.insights.internal.semantic.QuerySpec;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import io.wellbase.messaging.UnreadMessages;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The staff dashboard's first screen: today, this week, and who needs attention. */
@RestController
@Tag(name = "Analytics")
class HomeController {

    private static final int LISTED = 10;

    private final Specs specs;
    private final HomeFigures figures;
    private final UnreadMessages unread;
    private final InsightsProperties settings;

    HomeController(Specs specs, HomeFigures figures, UnreadMessages unread, InsightsProperties settings) {
        this.specs = specs;
        this.figures = figures;
        this.unread = unread;
        this.settings = settings;
    }

    record Revenue(
            long thisMonth,
            long sameDaysLastMonth,
            @Nullable BigDecimal changePercent,
            String currency) {}

    record Listed<T>(long count, List<T> first) {}

    record Summary(
            LocalDate date,
            List<HomeFigures.TodaySession> todaySessions,
            long bookingsToday,
            long checkInsToday,
            long newClientsThisWeek,
            long activeMembers,
            @Nullable Revenue revenue,
            Listed<HomeFigures.AtRisk> atRisk,
            List<HomeFigures.Birthday> birthdaysThisWeek,
            Listed<HomeFigures.Expiring> expiringSoon,
            long unreadMessages) {}

    @GetMapping("/api/v1/home/summary")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(
            summary = "Today's classes with their fill, bookings and check-ins today, new clients this week, active"
                    + " members, revenue this month against the same days of last month (roles that see revenue),"
                    + " members at risk, birthdays, memberships ending within 7 days, unread messages")
    Summary summary(Caller caller) {
        SemanticQueries.Scope scope = specs.scope(caller);
        LocalDate today = scope.today();
        List<HomeFigures.TodaySession> sessions = figures.sessions(scope.orgId(), today);
        long checkIns =
                sessions.stream().mapToLong(HomeFigures.TodaySession::checkedIn).sum();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long newClients = count(caller, scope, Metric.NEW_CLIENTS, monday, today);
        long members = count(caller, scope, Metric.ACTIVE_MEMBERS, today, today);
        Revenue revenue = null;
        if (caller.can(Permission.REVENUE_READ)) {
            LocalDate first = today.withDayOfMonth(1);
            LocalDate lastMonthFirst = first.minusMonths(1);
            LocalDate lastMonthSameDay = lastMonthFirst.plusDays(
                    Math.min(ChronoUnit.DAYS.between(first, today), lastMonthFirst.lengthOfMonth() - 1));
            long now = count(caller, scope, Metric.REVENUE, first, today);
            long before = count(caller, scope, Metric.REVENUE, lastMonthFirst, lastMonthSameDay);
            revenue = new Revenue(now, before, Figures.changePercent(now, before), scope.currency());
        }
        List<HomeFigures.AtRisk> atRisk = figures.atRisk(scope.orgId(), today, settings.atRiskDays());
        List<HomeFigures.Expiring> expiring = figures.expiring(scope.orgId(), today);
        return new Summary(
                today,
                sessions,
                figures.bookingsMadeToday(scope.orgId(), today, scope.zone()),
                checkIns,
                newClients,
                members,
                revenue,
                new Listed<>(atRisk.size(), atRisk.subList(0, Math.min(LISTED, atRisk.size()))),
                figures.birthdays(scope.orgId(), today),
                new Listed<>(expiring.size(), expiring.subList(0, Math.min(LISTED, expiring.size()))),
                unread.count(scope.orgId(), caller.userId()));
    }

    /** One metric over a range, through the semantic layer, so the home screen agrees with analytics. */
    private long count(Caller caller, SemanticQueries.Scope scope, Metric metric, LocalDate from, LocalDate to) {
        QueryResult result = specs.run(
                scope,
                specs.check(
                        caller,
                        scope,
                        new QuerySpec(
                                List.of(metric.key()),
                                List.of(),
                                Map.of(),
                                new QuerySpec.TimeRange(from.toString(), to.toString()),
                                null,
                                null)));
        Object v = result.first(metric);
        return v instanceof Long l ? l : 0L;
    }
}
