package io.wellbase.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.csv.CsvOutput;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.CursorPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading and exporting the audit trail of the caller's organization.
 */
@RestController
@RequestMapping("/api/v1/audit-logs")
@Tag(name = "Audit")
class AuditLogController {

    private final AuditLogQueries queries;

    AuditLogController(AuditLogQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "List audit entries, newest first, by cursor")
    CursorPage<AuditLogQueries.Entry> list(
            CurrentOrganization org,
            @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "page_size", required = false, defaultValue = "50") int pageSize) {
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.invalidField("page_size", "must be between 1 and 200");
        }
        var filter = new AuditLogQueries.Filter(org.id(), actorId, entityType, entityId, action, from, to);
        return queries.page(filter, cursor, pageSize);
    }

    @GetMapping("/export")
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "Stream the audit entries that match the filters as CSV")
    @ApiResponse(
            responseCode = "200",
            description = "The entries as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void export(
            CurrentOrganization org,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            HttpServletResponse response)
            throws IOException {
        if (!"csv".equals(format)) {
            throw ApiException.invalidField("format", "only csv is supported");
        }
        var filter = new AuditLogQueries.Filter(org.id(), actorId, entityType, entityId, action, from, to);
        response.setContentType(CsvOutput.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        queries.exportCsv(filter, response.getOutputStream());
    }
}
