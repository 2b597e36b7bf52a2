package io.wellbase.dataexchange.internal.exports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.dataexchange.internal.JobStatus;
import io.wellbase.organizations.Locations;
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
import io.wellbase.platform.web.SortSpec;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Exports in the importer's columns. Up to {@code wellbase.dataexchange.exports.sync-row-limit}
 * rows stream straight back; more (or {@code async=true}) answer 202 with a job that ends with a
 * {@code fileUrl}.
 */
@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "Exports")
class ExportsController {

    private static final String TYPES = "clients, visits, sales, memberships, bookings, staff or classes";
    private static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id");

    private final ExportRows rows;
    private final ExportJobStore jobs;
    private final Locations locations;
    private final BackgroundJobs scheduler;
    private final OneTimeTask<Void> task;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final ExportsProperties properties;
    private final TransactionTemplate tx;

    ExportsController(
            ExportRows rows,
            ExportJobStore jobs,
            Locations locations,
            BackgroundJobs scheduler,
            OneTimeTask<Void> dataExportTask,
            AuditTrail audit,
            ObjectMapper json,
            ExportsProperties properties,
            TransactionTemplate tx) {
        this.tx = tx;
        this.rows = rows;
        this.jobs = jobs;
        this.locations = locations;
        this.scheduler = scheduler;
        this.task = dataExportTask;
        this.audit = audit;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping
    @RequiresPermission(Permission.DATA_EXPORT)
    @Operation(summary = "Export clients, visits, sales, memberships, bookings, staff or classes as CSV or JSON")
    @ApiResponse(
            responseCode = "200",
            description = "The rows, streamed, when they are few and async is not set",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = "application/json", schema = @Schema(type = "array"))
            })
    @ApiResponse(
            responseCode = "202",
            description = "An export job to poll, when there are many rows or async=true",
            headers = @Header(name = "Location", description = "The URL to poll the job at"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExportJob.class)))
    ResponseEntity<ExportJob> export(
            Caller caller,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) UUID locationId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean async,
            HttpServletResponse response)
            throws IOException {
        UUID org = caller.requireOrganization();
        ExportType kind = type(type);
        String fmt = format == null ? "csv" : format.toLowerCase();
        if (!fmt.equals("csv") && !fmt.equals("json")) {
            throw ApiException.invalidField("format", "must be csv or json");
        }
        ExportFilter filter = new ExportFilter(date("from", from), date("to", to), locationId, status);
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        if (locationId != null && locations.find(org, locationId).isEmpty()) {
            throw ApiException.notFound("Location");
        }
        long count = rows.count(org, kind, filter);
        AuditRecord requested = new AuditRecord(
                org,
                caller.userId(),
                "export.requested",
                "export",
                kind.value(),
                Map.of(
                        "format",
                        new AuditChange(null, fmt),
                        "filters",
                        new AuditChange(null, filter.asMap()),
                        "rows",
                        new AuditChange(null, count)));
        if (Boolean.TRUE.equals(async) || count > properties.syncRowLimit()) {
            UUID id = Ids.newId();
            tx.executeWithoutResult(
                    inTransaction -> { // the job, its audit entry and its queue entry commit together
                        audit.record(requested);
                        jobs.create(new ExportJobStore.Request(
                                id, org, caller.userId(), kind, fmt, filter, JobStatus.QUEUED));
                        scheduler.runSoon(task, id);
                    });
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/exports/" + id))
                    .body(jobs.find(org, id).orElseThrow());
        }
        audit.record(requested);
        response.setContentType(RowWriter.contentType(fmt));
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + kind.value() + "-" + LocalDate.now() + "." + fmt + "\"");
        response.setHeader("X-Total-Count", String.valueOf(count));
        try (RowWriter writer = RowWriter.of(fmt, kind.columns(), response.getOutputStream(), json)) {
            rows.write(org, kind, filter, writer);
        }
        return null;
    }

    @GetMapping("/jobs")
    @RequiresPermission(Permission.DATA_EXPORT)
    @Operation(summary = "Earlier export jobs, newest first")
    PageResult<ExportJob> list(CurrentOrganization org, @Paged PageQuery page) {
        return jobs.list(org.id(), page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.DATA_EXPORT)
    @Operation(summary = "An export job; fileUrl (short-lived) once it completed")
    ExportJob get(CurrentOrganization org, @PathVariable UUID id) {
        return jobs.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Export"));
    }

    private static ExportType type(String value) {
        if (value == null) {
            throw ApiException.invalidField("type", "is required: " + TYPES);
        }
        return ExportType.of(value).orElseThrow(() -> ApiException.invalidField("type", "must be " + TYPES));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date like 2026-03-14");
        }
    }
}
