package io.wellbase.files.internal;

import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Direct uploads for large files: the uploader announces the file (purpose, name, type, size), gets a signed URL
 * that takes its bytes straight into storage (an S3 presigned PUT, or this server's signed local URL), then
 * confirms it. Only on confirmation does it become a file: the bytes are read back, their size compared with what
 * was announced and their type detected from the content and checked against the purpose, exactly as an upload
 * through the API. Unconfirmed uploads are removed an hour after their URL expired.
 */
@Component
class DirectUploads {

    static final String SIGNED_PREFIX = "upload:";

    private static final Logger log = LoggerFactory.getLogger(DirectUploads.class);

    private final PendingUploads pending;
    private final ObjectStorage storage;
    private final FileKeeper keeper;
    private final ContentTypeDetector detector;
    private final LinkSigner signer;
    private final FilesProperties properties;
    private final TransactionTemplate transactions;

    DirectUploads(
            PendingUploads pending,
            ObjectStorage storage,
            FileKeeper keeper,
            ContentTypeDetector detector,
            LinkSigner signer,
            FilesProperties properties,
            TransactionTemplate transactions) {
        this.pending = pending;
        this.storage = storage;
        this.keeper = keeper;
        this.detector = detector;
        this.signer = signer;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Where to PUT the bytes, until when, and with which headers. */
    record Target(UUID uploadId, String method, String url, String contentType, long size, Instant expiresAt) {}

    record Announcement(
            UUID orgId,
            UUID userId,
            @Nullable UUID clientId,
            FilePurpose purpose,
            String filename,
            String contentType,
            long size) {}

    Target start(Announcement a) {
        String type = a.contentType().toLowerCase(java.util.Locale.ROOT).strip();
        UploadRefusal.of(a.purpose(), PurposePolicy.of(a.purpose()), a.size(), type)
                .ifPresent(refusal -> {
                    throw refusal.problem();
                });
        UUID id = Ids.newId();
        String key = "pending/" + a.orgId() + "/" + id;
        Instant expires = Instant.now().plus(properties.directUploadTtl()).truncatedTo(ChronoUnit.SECONDS);
        pending.insert(new PendingUploads.Pending(
                id,
                a.orgId(),
                a.userId(),
                a.clientId(),
                a.purpose(),
                FileNames.clean(a.filename()),
                type,
                a.size(),
                storage.name(),
                key,
                expires));
        return new Target(
                id, "PUT", storage.uploadUrl(id.toString(), key, type, a.size(), expires), type, a.size(), expires);
    }

    /** The bytes of a local direct upload, PUT to the signed URL; at most the announced size. */
    void receive(String uploadId, @Nullable Long expires, @Nullable String signature, InputStream body) {
        if (expires == null || !signer.verify(SIGNED_PREFIX + uploadId, expires, signature)) {
            throw ApiException.forbidden("file.link_invalid", "This upload link is invalid or has expired");
        }
        UUID id;
        try {
            id = UUID.fromString(uploadId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Upload");
        }
        PendingUploads.Pending upload = pending.find(id)
                .filter(p -> p.storage().equals(storage.name()))
                .orElseThrow(() -> ApiException.notFound("Upload"));
        TempFiles.Copy copy = null;
        try {
            copy = TempFiles.copy(body, upload.size());
            storage.put(upload.storageKey(), copy.path(), upload.contentType());
        } catch (IOException e) {
            throw FileKeeper.unavailable(e);
        } finally {
            FileKeeper.deleteQuietly(copy == null ? null : copy.path());
        }
    }

    /** What confirming came to. */
    sealed interface Confirmation {
        record Confirmed(StoredFile file) implements Confirmation {}

        record NotFound() implements Confirmation {}

        record NothingUploaded() implements Confirmation {}

        /** The bytes were refused for the purpose (and dropped), as an upload through the API would be. */
        record Refused(UploadRefusal refusal) implements Confirmation {}
    }

    /**
     * Turns the uploaded bytes into a file, for the user who announced it, once (a second confirmation waits for
     * the first, then finds nothing). Its size is checked against the purpose's limit (it cannot pass the announced
     * size: the signed URL takes no more) and its type is detected from the content, by the same check as an upload
     * through the API; refused bytes are dropped with the upload. Nothing uploaded yet answers
     * {@link Confirmation.NothingUploaded}; the bytes can still be sent and confirmed.
     */
    Confirmation confirm(UUID orgId, UUID userId, UUID uploadId) {
        return transactions.execute(status -> {
            Optional<PendingUploads.Pending> found =
                    pending.lock(orgId, uploadId).filter(p -> p.createdBy().equals(userId));
            if (found.isEmpty()) {
                return new Confirmation.NotFound();
            }
            PendingUploads.Pending upload = found.get();
            TempFiles.Copy copy = null;
            try (InputStream in = storage.get(upload.storageKey())) {
                copy = TempFiles.copy(in, Long.MAX_VALUE);
                FileKeeper.Kept kept = keeper.keepChecked(
                        orgId,
                        userId,
                        upload.clientId(),
                        upload.purpose(),
                        upload.filename(),
                        copy,
                        PurposePolicy.of(upload.purpose()),
                        detector);
                pending.delete(upload.id());
                deleteBytes(upload);
                return switch (kept) {
                    case FileKeeper.Kept.Stored stored -> new Confirmation.Confirmed(stored.file());
                    case FileKeeper.Kept.Refused refused -> new Confirmation.Refused(refused.refusal());
                };
            } catch (StorageObjectMissingException e) {
                return new Confirmation.NothingUploaded();
            } catch (IOException e) {
                throw FileKeeper.unavailable(e);
            } finally {
                FileKeeper.deleteQuietly(copy == null ? null : copy.path());
            }
        });
    }

    /** Removes uploads whose URL expired more than an hour ago, bytes first; answers how many. */
    int removeExpired() {
        List<PendingUploads.Pending> expired =
                pending.expiredBefore(Instant.now().minus(Duration.ofHours(1)), 500);
        expired.forEach(this::drop);
        return expired.size();
    }

    private void drop(PendingUploads.Pending upload) {
        if (deleteBytes(upload)) {
            transactions.executeWithoutResult(status -> pending.delete(upload.id()));
        } // else the row stays, so the cleanup tries again
    }

    private boolean deleteBytes(PendingUploads.Pending upload) {
        try {
            if (upload.storage().equals(storage.name())) {
                storage.delete(upload.storageKey());
            }
            return true;
        } catch (IOException e) {
            log.warn("Pending upload {}: its bytes could not be deleted now: {}", upload.id(), e.getMessage());
            return false;
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Cleanup {

        @org.springframework.context.annotation.Bean
        com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> pendingUploadsCleanupTask(
                DirectUploads uploads) {
            return com.github.kagkarlsson.scheduler.task.helper.Tasks.recurring(
                            "pending-uploads-cleanup",
                            com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(Duration.ofMinutes(15)))
                    .execute((instance, context) -> uploads.removeExpired());
        }
    }
}
