package io.wellbase.dataexchange.internal.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.csv.CsvOutput;
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
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Imports: submit a CSV (or an uploaded file's id), poll the job, read the row-level report. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportsController {

    private static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id");

    /** The JSON form of a request, for a file uploaded before. */
    record ImportBody(UUID fileId, String kind, Map<String, String> mapping, Boolean dryRun, String dateOrder) {}

    private final ImportRequests requests;
    private final ImportJobStore jobs;
    private final ImportErrors errors;
    private final StoredFiles files;
    private final ObjectMapper json;

    ImportsController(
            ImportRequests requests, ImportJobStore jobs, ImportErrors errors, StoredFiles files, ObjectMapper json) {
        this.requests = requests;
        this.jobs = jobs;
        this.errors = errors;
        this.files = files;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.wellbase.platform.plans.RequiresFeature(io.wellbase.platform.plans.Feature.DATA_IMPORT)
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "Import an uploaded CSV file (202 with the job)")
    ResponseEntity<ImportJob> submit(Caller caller, @RequestBody ImportBody body) {
        ImportKind kind = ImportRequests.kind(body.kind());
        ImportJob job = requests.submit(
                caller.requireOrganization(),
                caller.userId(),
                body.fileId(),
                kind,
                body.mapping(),
                Boolean.TRUE.equals(body.dryRun()),
                ImportRequests.dateOrder(body.dateOrder()));
        return accepted(job);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.wellbase.platform.plans.RequiresFeature(io.wellbase.platform.plans.Feature.DATA_IMPORT)
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "Upload and import a CSV file in one request (202 with the job)")
    ResponseEntity<ImportJob> submitFile(
            Caller caller,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) Boolean dryRun,
            @RequestParam(required = false) String dateOrder)
            throws IOException {
        if (file == null) {
            throw ApiException.invalidField("file", "a multipart part named file is required");
        }
        ImportKind importKind = ImportRequests.kind(kind);
        DateOrder order = ImportRequests.dateOrder(dateOrder);
        Map<String, String> columns = mapping(mapping);
        UUID org = caller.requireOrganization();
        StoredFile stored;
        try (InputStream in = file.getInputStream()) {
            stored = files.upload(org, caller.userId(), FilePurpose.IMPORT, file.getOriginalFilename(), in);
        }
        return accepted(requests.submit(
                org, caller.userId(), stored.id(), importKind, columns, Boolean.TRUE.equals(dryRun), order));
    }

    @GetMapping
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "Earlier imports, newest first")
    PageResult<ImportJob> list(CurrentOrganization org, @Paged PageQuery page) {
        return jobs.list(org.id(), page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "An import's status, progress, counts and the column mapping it used")
    ImportJob get(CurrentOrganization org, @PathVariable UUID id) {
        return jobs.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Import"));
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "Stop a queued or running import; nothing of it is kept")
    ImportJob cancel(CurrentOrganization org, @PathVariable UUID id) {
        return requests.cancel(org.id(), id);
    }

    @GetMapping("/{id}/errors")
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "The rows an import could not take, and its warnings; format=csv downloads them all")
    PageResult<ImportErrors.ImportError> errors(
            CurrentOrganization org,
            @PathVariable UUID id,
            @RequestParam(required = false) String format,
            @Paged PageQuery page) {
        if (format != null && !format.equals("json")) {
            throw ApiException.invalidField("format", "must be json or csv");
        }
        jobs.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Import"));
        return errors.page(org.id(), id, page);
    }

    @GetMapping(path = "/{id}/errors", params = "format=csv")
    @RequiresPermission(Permission.DATA_IMPORT)
    @Operation(summary = "The import's error report as a CSV download")
    @ApiResponse(
            responseCode = "200",
            description = "A page of the rows, or with format=csv all of them as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void errorsCsv(CurrentOrganization org, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        jobs.find(org.id(), id).orElseThrow(() -> ApiException.notFound("Import"));
        response.setContentType(CsvOutput.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"");
        try (CsvOutput csv = CsvOutput.to(response.getOutputStream())) {
            csv.row("Row", "Column", "Value", "Message", "Severity");
            errors.each(
                    org.id(),
                    id,
                    e -> csv.row(String.valueOf(e.rowNumber()), e.column(), e.value(), e.message(), e.severity()));
        }
    }

    private Map<String, String> mapping(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() {});
        } catch (JacksonException e) {
            throw ApiException.invalidField("mapping", "must be a JSON object of column header to field name");
        }
    }

    private static ResponseEntity<ImportJob> accepted(ImportJob job) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + job.id()))
                .body(job);
    }
}
