package io.wellbase.dataexchange.internal.imports;

import io.wellbase.dataexchange.internal.JobStatus;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.data.Ids;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Imports for a sync with another system (Mindbody): a CSV the sync wrote in the importer's own columns becomes an
 * ordinary import job (listed with the others, with its counts and row errors) and runs at once on the caller's
 * thread, so the sync's kinds go one after another, clients before the visits that name them.
 */
@Component
public class SyncedImports {

    private final StoredFiles files;
    private final ImportJobStore jobs;
    private final ImportRunner runner;

    SyncedImports(StoredFiles files, ImportJobStore jobs, ImportRunner runner) {
        this.files = files;
        this.jobs = jobs;
        this.runner = runner;
    }

    /** How a synced import ended. */
    public record Outcome(UUID importId, String status, long created, long updated, long failed, String error) {

        public boolean completed() {
            return status.equals("completed");
        }
    }

    public Outcome run(UUID orgId, UUID userId, String kind, String filename, InputStream csv) {
        ImportKind importKind = ImportRequests.kind(kind);
        StoredFile file = files.upload(orgId, userId, FilePurpose.IMPORT, filename, csv);
        UUID id = Ids.newId();
        jobs.create(
                new ImportJobStore.Request(
                        id,
                        orgId,
                        userId,
                        importKind,
                        false,
                        file.id(),
                        Map.of(),
                        DateOrder.DMY,
                        JobStatus.QUEUED,
                        false),
                filename);
        runner.run(id);
        ImportJob job = jobs.find(orgId, id).orElseThrow();
        return new Outcome(
                id,
                job.status(),
                job.counts().created(),
                job.counts().updated(),
                job.counts().failed(),
                job.error());
    }
}
