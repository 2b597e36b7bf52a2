package io.wellbase.dataexchange.internal.imports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.dataexchange.internal.JobStatus;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.jobs.BackgroundJobs;
import io.wellbase.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts an import: checks the kind, that the file is this organization's and is CSV with the
 * columns the kind needs (so a wrong file answers at once, not as a failed job), then queues it.
 */
@Service
class ImportRequests {

    private final StoredFiles files;
    private final ImportJobStore jobs;
    private final BackgroundJobs scheduler;
    private final OneTimeTask<Void> task;
    private final AuditTrail audit;

    ImportRequests(
            StoredFiles files,
            ImportJobStore jobs,
            BackgroundJobs scheduler,
            OneTimeTask<Void> dataImportTask,
            AuditTrail audit) {
        this.files = files;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.task = dataImportTask;
        this.audit = audit;
    }

    static ImportKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(
                    "kind",
                    "is required: clients, staff, classes, visits, sales, memberships, pricing_options or products");
        }
        return ImportKind.of(value)
                .orElseThrow(
                        () -> ApiException.invalidField(
                                "kind",
                                "must be one of clients, staff, classes, visits, sales, memberships, pricing_options, products"));
    }

    static DateOrder dateOrder(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "")) {
            case "MDY", "US", "MMDDYYYY" -> DateOrder.MDY;
            case "DMY", "EU", "EUROPEAN", "DDMMYYYY" -> DateOrder.DMY;
            default -> throw ApiException.invalidField("dateOrder", "must be MDY (US) or DMY (European)");
        };
    }

    /** The job row, its audit entry and its queue entry commit together. */
    @Transactional
    ImportJob submit(
            UUID orgId,
            UUID userId,
            UUID fileId,
            ImportKind kind,
            Map<String, String> mapping,
            boolean dryRun,
            DateOrder dateOrder) {
        if (fileId == null) {
            throw ApiException.invalidField("fileId", "is required (or send the file as multipart)");
        }
        StoredFile file = files.find(orgId, fileId).orElseThrow(() -> ApiException.notFound("File"));
        try (InputStream in = files.open(orgId, fileId)) {
            CsvLayout layout = CsvSniffer.sniff(in);
            ColumnMapping.resolve(kind, layout.headers(), mapping == null ? Map.of() : mapping);
        } catch (IOException e) {
            throw ApiException.unprocessable("import.unreadable", "The file cannot be read");
        }
        UUID id = Ids.newId();
        jobs.create(
                new ImportJobStore.Request(
                        id,
                        orgId,
                        userId,
                        kind,
                        dryRun,
                        fileId,
                        mapping == null ? Map.of() : mapping,
                        dateOrder,
                        JobStatus.QUEUED,
                        false),
                file.filename());
        audit.record(new AuditRecord(
                orgId,
                userId,
                "import.requested",
                "import",
                id.toString(),
                Map.of(
                        "kind",
                        new AuditChange(null, kind.value()),
                        "dryRun",
                        new AuditChange(null, dryRun),
                        "fileId",
                        new AuditChange(null, fileId.toString()))));
        scheduler.runSoon(task, id);
        return jobs.find(orgId, id).orElseThrow();
    }

    ImportJob cancel(UUID orgId, UUID id) {
        ImportJob job = jobs.find(orgId, id).orElseThrow(() -> ApiException.notFound("Import"));
        if (!jobs.requestCancel(orgId, id)) {
            throw ApiException.conflict("import.finished", "The import is already " + job.status());
        }
        return jobs.find(orgId, id).orElseThrow();
    }
}
