package io.wellbase.audit.internal.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit compliance report of the caller's organization, as JSON or PDF. */
@RestController
@Tag(name = "Audit")
class ComplianceReportController {

    static final int MAX_DAYS = 366;

    private final ComplianceReports reports;
    private final AuditTrail audit;

    ComplianceReportController(ComplianceReports reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit-logs/compliance-report")
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(
            summary = "Actions per actor, entity type and day over a period (days in the organization's time zone;"
                    + " the last 30 by default) and the unusual activity: bulk exports, many failed sign-ins, role"
                    + " changes; format json or pdf")
    @ApiResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ComplianceReport.class)),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<?> report(
            CurrentOrganization org,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("pdf")) {
            throw ApiException.invalidField("format", "must be json or pdf");
        }
        LocalDate end = to == null ? reports.today(org.id()) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (end.isBefore(start)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.invalidField("from", "the period may span at most " + MAX_DAYS + " days");
        }
        ComplianceReport report = reports.build(org.id(), start, end);
        audit.record(AuditRecord.of(
                org.id(),
                "audit.compliance_report",
                "audit_log",
                null,
                Map.of(
                        "from", new AuditChange(null, start.toString()),
                        "to", new AuditChange(null, end.toString()),
                        "format", new AuditChange(null, format))));
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("audit-" + start + "-" + end + ".pdf")
                                .build()
                                .toString())
                .body(ComplianceReportPdf.render(report));
    }
}
