package io.wellbase.files.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a file's bytes to storage first and its index row second, removing the bytes again when
 * the row cannot be written; deletes the row first and the bytes after it committed. A crash
 * between the two steps can leave unreferenced bytes behind, never a row without bytes.
 */
@Component
public class FileKeeper {

    private static final Logger log = LoggerFactory.getLogger(FileKeeper.class);

    private final FileRecords records;
    private final ObjectStorage storage;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    FileKeeper(FileRecords records, ObjectStorage storage, AuditTrail audit, TransactionTemplate transactions) {
        this.records = records;
        this.storage = storage;
        this.audit = audit;
        this.transactions = transactions;
    }

    public StoredFile keepUpload(
            UUID orgId,
            UUID userId,
            UUID clientId,
            FilePurpose purpose,
            String filename,
            InputStream content,
            PurposePolicy.Rule rule,
            ContentTypeDetector detector) {
        TempFiles.Copy copy = null;
        try {
            copy = TempFiles.copy(content, rule.maxBytes());
            return switch (keepChecked(orgId, userId, clientId, purpose, filename, copy, rule, detector)) {
                case Kept.Stored stored -> stored.file();
                case Kept.Refused refused -> throw refused.refusal().problem();
            };
        } catch (IOException e) {
            throw unavailable(e);
        } finally {
            deleteQuietly(copy == null ? null : copy.path());
        }
    }

    /** What became of bytes offered for keeping. */
    sealed interface Kept {
        record Stored(StoredFile file) implements Kept {}

        record Refused(UploadRefusal refusal) implements Kept {}
    }

    /**
     * Keeps bytes already copied to a temporary file (which stays the caller's to delete) when the purpose takes
     * their size and the type detected from their content.
     */
    Kept keepChecked(
            UUID orgId,
            UUID userId,
            UUID clientId,
            FilePurpose purpose,
            String filename,
            TempFiles.Copy copy,
            PurposePolicy.Rule rule,
            ContentTypeDetector detector)
            throws IOException {
        String name = FileNames.clean(filename);
        String type = copy.size() == 0 ? "" : detector.detect(copy.path(), name);
        java.util.Optional<UploadRefusal> refusal = UploadRefusal.of(purpose, rule, copy.size(), type);
        if (refusal.isPresent()) {
            return new Kept.Refused(refusal.get());
        }
        return new Kept.Stored(keep(orgId, userId, clientId, purpose, name, type, copy));
    }

    public StoredFile keepGenerated(
            UUID orgId, UUID userId, FilePurpose purpose, String filename, String contentType, Path content) {
        try {
            return keep(
                    orgId, userId, null, purpose, FileNames.clean(filename), contentType, TempFiles.describe(content));
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    public void forget(FileRecords.Row row, UUID userId) {
        StoredFile file = row.file();
        transactions.executeWithoutResult(status -> {
            records.delete(file.organizationId(), file.id());
            audit.record(new AuditRecord(
                    file.organizationId(),
                    userId,
                    "file.deleted",
                    "file",
                    file.id().toString(),
                    Map.of("filename", new AuditChange(file.filename(), null))));
        });
        try {
            storage.delete(row.storageKey());
        } catch (IOException e) {
            log.warn("File {} is forgotten but its bytes could not be deleted: {}", file.id(), e.getMessage());
        }
    }

    private StoredFile keep(
            UUID orgId, UUID userId, UUID clientId, FilePurpose purpose, String name, String type, TempFiles.Copy copy)
            throws IOException {
        UUID id = Ids.newId();
        String key = orgId + "/" + id;
        StoredFile file = new StoredFile(
                id,
                orgId,
                purpose,
                name,
                type,
                copy.size(),
                copy.sha256(),
                userId,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                clientId);
        storage.put(key, copy.path(), type);
        try {
            transactions.executeWithoutResult(status -> {
                records.insert(file, storage.name(), key);
                audit.record(new AuditRecord(
                        orgId,
                        userId,
                        "file.created",
                        "file",
                        id.toString(),
                        Map.of(
                                "filename",
                                new AuditChange(null, name),
                                "purpose",
                                new AuditChange(null, purpose.value()),
                                "size",
                                new AuditChange(null, copy.size()))));
            });
        } catch (RuntimeException e) {
            try {
                storage.delete(key);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return file;
    }

    static ApiException unavailable(IOException e) {
        log.warn("File storage failed: {}", e.toString());
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "file.storage_unavailable",
                "The file could not be stored right now; try again");
    }

    static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp folder
            }
        }
    }
}
