package io.wellbase.insights.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.insights.internal.forecast.RevenueForecast;
import io.wellbase.insights.internal.semantic.CheckedSpec;
import io.wellbase.insights.internal.semantic.Dimension;
import io.wellbase.insights.internal.semantic.Figures;
import io.wellbase.insights.internal.semantic.Metric;
import io.wellbase.insights.internal.semantic.QueryResult;
import io.wellbase.insights.internal.semantic.QuerySpec;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import io.wellbase.insights.internal.semantic.SpecCheck;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.csv.CsvOutput;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Analytics through the semantic layer: any query, time series, KPIs beside the previous period, exports. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class AnalyticsController {

    private final Specs specs;
    private final Locations locations;
    private final AuditTrail audit;
    private final ObjectMapper json;

    private final RevenueForecast forecasts;
    private final Cohorts cohorts;
    private final io.wellbase.insights.internal.rollup.Rollups rollups;

    AnalyticsController(
            Specs specs,
            Locations locations,
            AuditTrail audit,
            ObjectMapper json,
            RevenueForecast forecasts,
            Cohorts cohorts,
            io.wellbase.insights.internal.rollup.Rollups rollups) {
        this.rollups = rollups;
        this.forecasts = forecasts;
        this.cohorts = cohorts;
        this.specs = specs;
        this.locations = locations;
        this.audit = audit;
        this.json = json;
    }

    @PostMapping("/query")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "Run a query spec (metrics, dimensions, filters, time range, sort, limit)")
    QueryResult query(Caller caller, @RequestBody QuerySpec spec) {
        return specs.answer(caller, spec);
    }

    @GetMapping("/timeseries")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "One metric per day, week or month, optionally split by one dimension")
    QueryResult timeseries(
            Caller caller,
            @RequestParam String metric,
            @RequestParam(defaultValue = "day") String interval,
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable UUID locationId) {
        Dimension time = Dimension.byKey(interval)
                .filter(Dimension::isTime)
                .orElseThrow(() -> ApiException.invalidField("interval", "must be day, week or month"));
        List<String> dimensions = new ArrayList<>(List.of(time.key()));
        if (groupBy != null && !groupBy.isBlank()) {
            dimensions.add(groupBy);
        }
        return specs.answer(
                caller,
                new QuerySpec(
                        List.of(metric),
                        dimensions,
                        locationFilter(caller, locationId),
                        new QuerySpec.TimeRange(from, to),
                        null,
                        SpecCheck.MAX_LIMIT));
    }

    /** A KPI: its value over the range and over the same number of days just before. */
    record Kpi(
            String metric,
            String label,
            String unit,
            @Nullable Object value,
            @Nullable Object previous,
            java.math.@Nullable BigDecimal changePercent) {}

    record Summary(String from, String to, String previousFrom, String previousTo, String currency, List<Kpi> kpis) {}

    private static final List<Metric> SUMMARY = List.of(
            Metric.VISITS,
            Metric.UNIQUE_VISITORS,
            Metric.BOOKINGS,
            Metric.FILL_RATE,
            Metric.LATE_CANCELS,
            Metric.NO_SHOWS,
            Metric.CLASSES,
            Metric.NEW_CLIENTS,
            Metric.ACTIVE_MEMBERS,
            Metric.CHURNED_MEMBERS,
            Metric.APPOINTMENTS,
            Metric.CREDITS_USED,
            Metric.REVENUE,
            Metric.REFUNDS,
            Metric.NET_REVENUE);

    @GetMapping("/summary")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(
            summary = "The KPIs over a range with the previous period beside them (with locationId: the KPIs that"
                    + " can be counted per location)")
    Summary summary(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable UUID locationId) {
        List<String> metrics = SUMMARY.stream()
                .filter(m -> caller.can(m.permission()))
                .filter(m -> locationId == null || m.splitsBy(Dimension.LOCATION))
                .map(Metric::key)
                .toList();
        SemanticQueries.Scope scope = specs.scope(caller);
        CheckedSpec spec = specs.check(
                caller,
                scope,
                new QuerySpec(
                        metrics,
                        List.of(),
                        locationFilter(caller, locationId),
                        new QuerySpec.TimeRange(from, to),
                        null,
                        null));
        long days = java.time.temporal.ChronoUnit.DAYS.between(spec.from(), spec.to()) + 1;
        CheckedSpec before = spec.over(spec.from().minusDays(days), spec.from().minusDays(1));
        QueryResult now = specs.run(scope, spec);
        QueryResult then = specs.run(scope, before);
        List<Kpi> kpis = new ArrayList<>();
        for (Metric m : spec.metrics()) {
            Object value = now.first(m);
            Object previous = then.first(m);
            kpis.add(new Kpi(
                    m.key(), m.label(), m.unit().value(), value, previous, Figures.changePercent(value, previous)));
        }
        return new Summary(
                spec.from().toString(),
                spec.to().toString(),
                before.from().toString(),
                before.to().toString(),
                scope.currency(),
                kpis);
    }

    record Retention(String from, String to, List<Cohorts.Cohort> cohorts) {}

    @GetMapping("/retention")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(
            summary = "Monthly cohorts by first visit (from/to are months, the last 12 unless told): each cohort's size"
                    + " and the share who came again in each of the 12 months after")
    Retention retention(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        SemanticQueries.Scope scope = specs.scope(caller);
        java.time.LocalDate end = month("to", to, scope.today().withDayOfMonth(1));
        java.time.LocalDate start = month("from", from, end.minusMonths(11));
        if (end.isBefore(start) || start.plusMonths(36).isBefore(end)) {
            throw ApiException.invalidField("to", "must not be before from, at most 36 months after it");
        }
        return new Retention(start.toString(), end.toString(), cohorts.of(scope.orgId(), start, end, scope.today()));
    }

    @GetMapping("/instructors")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "Each instructor's classes, visits, fill rate, no-show and late-cancel rates over a range")
    QueryResult instructors(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return performance(caller, Dimension.INSTRUCTOR, from, to);
    }

    @GetMapping("/classes")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "Each class type's classes, visits, fill rate, no-show and late-cancel rates over a range")
    QueryResult classes(
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return performance(caller, Dimension.CLASS_TYPE, from, to);
    }

    private QueryResult performance(Caller caller, Dimension by, @Nullable String from, @Nullable String to) {
        return specs.answer(
                caller,
                new QuerySpec(
                        List.of(
                                "classes",
                                "visits",
                                "uniqueVisitors",
                                "fillRate",
                                "noShowRate",
                                "lateCancelRate",
                                "waitlisted"),
                        List.of(by.key()),
                        Map.of(),
                        new QuerySpec.TimeRange(from, to),
                        "-visits",
                        SpecCheck.MAX_LIMIT));
    }

    private static java.time.LocalDate month(String field, @Nullable String value, java.time.LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return java.time.YearMonth.parse(value.length() > 7 ? value.substring(0, 7) : value)
                    .atDay(1);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a month like 2026-03");
        }
    }

    record RollupState(@Nullable String completeThrough) {}

    @PostMapping("/rollups/rebuild")
    @RequiresPermission(Permission.ANALYTICS_MANAGE)
    @Operation(
            summary =
                    "Count the daily rollups again from every class of the organization (imports do it by themselves)")
    RollupState rebuildRollups(Caller caller) {
        SemanticQueries.Scope scope = specs.scope(caller);
        rollups.rebuildAll(scope.orgId(), scope.today());
        audit.record(new AuditRecord(
                scope.orgId(),
                caller.userId(),
                "analytics.rollups_rebuilt",
                "analytics_rollups",
                scope.orgId().toString(),
                Map.of()));
        return new RollupState(
                rollups.completeThrough(scope.orgId()).map(Object::toString).orElse(null));
    }

    @GetMapping("/revenue-forecast")
    @RequiresPermission(Permission.REVENUE_READ)
    @Operation(
            summary = "Monthly revenue for the next 1-12 months with 80 % and 95 % intervals, the method chosen by"
                    + " back-test (MASE, sMAPE by rolling origin) and the renewals already scheduled")
    RevenueForecast.Answer revenueForecast(Caller caller, @RequestParam(defaultValue = "6") int months) {
        if (months < 1 || months > 12) {
            throw ApiException.invalidField("months", "must be between 1 and 12");
        }
        return forecasts.forecast(specs.scope(caller), months);
    }

    @GetMapping("/export")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(
            summary = "Any query as CSV or JSON: metrics and dimensions comma-separated, filters as"
                    + " filter.<dimension>=a,b")
    ResponseEntity<byte[]> export(
            Caller caller,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam String metrics,
            @RequestParam(required = false) @Nullable String dimensions,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam Map<String, String> all) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (name.startsWith("filter.")) {
                filters.put(name.substring("filter.".length()), Specs.csv(value));
            }
        });
        return exported(
                caller,
                format,
                new QuerySpec(
                        Specs.csv(metrics),
                        dimensions == null ? List.of() : Specs.csv(dimensions),
                        filters,
                        new QuerySpec.TimeRange(from, to),
                        sort,
                        limit == null ? SpecCheck.MAX_LIMIT : limit));
    }

    @PostMapping("/export")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "A query spec's answer as CSV or JSON")
    ResponseEntity<byte[]> exportSpec(
            Caller caller, @RequestParam(defaultValue = "csv") String format, @RequestBody QuerySpec spec) {
        return exported(caller, format, spec);
    }

    private ResponseEntity<byte[]> exported(Caller caller, String format, QuerySpec spec) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw ApiException.invalidField("format", "must be csv or json");
        }
        QueryResult result = specs.answer(caller, spec);
        UUID org = caller.requireOrganization();
        audit.record(new AuditRecord(
                org,
                caller.userId(),
                "analytics.exported",
                "analytics_query",
                "export",
                Map.of("spec", new AuditChange(null, result.spec()), "format", new AuditChange(null, format))));
        if (format.equals("json")) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"analytics.json\"")
                    .body(json.writeValueAsBytes(result));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (CsvOutput csv = CsvOutput.to(out)) {
            List<String> header = new ArrayList<>();
            result.columns().forEach(c -> header.add(c.key()));
            csv.row(header);
            for (Map<String, @Nullable Object> row : result.rows()) {
                List<@Nullable String> cells = new ArrayList<>();
                for (QueryResult.Column c : result.columns()) {
                    Object v = row.get(c.key());
                    cells.add(v == null ? null : v.toString());
                }
                csv.row(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CsvOutput.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"analytics.csv\"")
                .body(out.toByteArray());
    }

    private Map<String, List<String>> locationFilter(Caller caller, @Nullable UUID locationId) {
        if (locationId == null) {
            return Map.of();
        }
        locations.find(caller.requireOrganization(), locationId).orElseThrow(() -> ApiException.notFound("Location"));
        return Map.of(Dimension.LOCATION.key(), List.of(locationId.toString()));
    }
}
