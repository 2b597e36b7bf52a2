package io.wellbase.dataexchange.internal.reports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.dataexchange.internal.JobStatus;
import io.wellbase.organizations.Locations;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.jobs.BackgroundJobs;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.RequestDates;
import io.wellbase.platform.web.SortSpec;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports: request one (202), poll it, download it by its short-lived link, list earlier ones. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportsController {

    static final int MAX_DAYS = 731;
    private static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id");

    /** A report request; filters: {@code dateRange {from, to}} (default the last 30 days), {@code locationId}. */
    record ReportRequest(String reportType, String format, Filters filters) {}

    record Filters(DateRange dateRange, UUID locationId) {}

    record DateRange(String from, String to) {}

    private final ReportJobStore jobs;
    private final Locations locations;
    private final BackgroundJobs scheduler;
    private final OneTimeTask<Void> task;
    private final AuditTrail audit;
    private final OrganizationProfiles organizations;
    private final TransactionTemplate tx;

    ReportsController(
            ReportJobStore jobs,
            Locations locations,
            BackgroundJobs scheduler,
            OneTimeTask<Void> reportRunTask,
            AuditTrail audit,
            OrganizationProfiles organizations,
            TransactionTemplate tx) {
        this.tx = tx;
        this.jobs = jobs;
        this.locations = locations;
        this.scheduler = scheduler;
        this.task = reportRunTask;
        this.audit = audit;
        this.organizations = organizations;
    }

    @PostMapping
    @RequiresPermission(Permission.REPORT_RUN)
    @Operation(summary = "Request a report (202 with its id; poll it until completed)")
    ResponseEntity<ReportJob> request(Caller caller, @RequestBody ReportRequest body) {
        UUID org = caller.requireOrganization();
        ReportType type = body.reportType() == null
                ? null
                : ReportType.of(body.reportType()).orElse(null);
        if (type == null) {
            throw ApiException.invalidField(
                    "reportType",
                    "must be one of attendance_summary, revenue_summary, "
                            + "membership_retention, client_roster, instructor_utilization");
        }
        String format = body.format() == null ? "pdf" : body.format().toLowerCase();
        if (!format.equals("pdf") && !format.equals("csv") && !format.equals("json")) {
            throw ApiException.invalidField("format", "must be pdf, csv or json");
        }
        Map<String, Object> filters = filters(org, body.filters());
        UUID id = Ids.newId();
        tx.executeWithoutResult(
                status -> { // the job, its audit entry and its queue entry commit together
                    jobs.create(new ReportJobStore.Request(
                            id, org, caller.userId(), type, format, filters, JobStatus.PROCESSING));
                    audit.record(new AuditRecord(
                            org,
                            caller.userId(),
                            "report.requested",
                            "report",
                            id.toString(),
                            Map.of(
                                    "reportType",
                                    new AuditChange(null, type.value()),
                                    "format",
                                    new AuditChange(null, format),
                                    "filters",
                                    new AuditChange(null, filters))));
                    scheduler.runSoon(task, id);
                });
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/reports/" + id))
                .body(jobs.find(org, id).orElseThrow());
    }

    @GetMapping
    @RequiresPermission(Permission.REPORT_RUN)
    @Operation(summary = "Earlier reports, newest first")
    PageResult<ReportJob> list(CurrentOrganization org, @Paged PageQuery page) {
        return jobs.list(org.id(), page);
    }

    @GetMapping({"/{id}", "/status/{id}"})
    @RequiresPermission(Permission.REPORT_RUN)
    @Operation(summary = "A report's status, with a short-lived downloadUrl once completed")
    ReportJob get(CurrentOrganization org, @PathVariable UUID id) {
        return jobs.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Report"));
    }

    private Map<String, Object> filters(UUID org, Filters filters) {
        ZoneId zone = organizations
                .find(org)
                .orElseThrow(() -> ApiException.notFound("Organization"))
                .zone();
        LocalDate today = LocalDate.now(zone);
        DateRange range = filters == null ? null : filters.dateRange();
        LocalDate to = RequestDates.date("filters.dateRange.to", range == null ? null : range.to(), today);
        LocalDate from =
                RequestDates.date("filters.dateRange.from", range == null ? null : range.from(), to.minusDays(29));
        if (to.isBefore(from)) {
            throw ApiException.invalidField("filters.dateRange.to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.invalidField("filters.dateRange", "may span at most two years");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dateRange", Map.of("from", from.toString(), "to", to.toString()));
        UUID location = filters == null ? null : filters.locationId();
        if (location != null) {
            locations.find(org, location).orElseThrow(() -> ApiException.notFound("Location"));
            result.put("locationId", location.toString());
        }
        return result;
    }
}
