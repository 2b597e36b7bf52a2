package io.wellbase.files.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.files.DownloadLink;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads: multipart in, metadata and a short-lived download link out. */
@RestController
@RequestMapping("/api/v1/uploads")
@Tag(name = "Files")
class UploadsController {

    private static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id");

    /** A file's metadata with a fresh signed link. */
    record UploadView(
            UUID id,
            String purpose,
            String filename,
            String contentType,
            long size,
            String sha256,
            UUID clientId,
            UUID createdBy,
            Instant createdAt,
            String downloadUrl,
            Instant downloadUrlExpiresAt) {

        static UploadView of(StoredFile file, DownloadLink link) {
            return new UploadView(
                    file.id(),
                    file.purpose().value(),
                    file.filename(),
                    file.contentType(),
                    file.size(),
                    file.sha256(),
                    file.clientId(),
                    file.createdBy(),
                    file.createdAt(),
                    link.url(),
                    link.expiresAt());
        }
    }

    private final StoredFiles files;
    private final FileRecords records;
    private final ClientDirectory clients;

    UploadsController(StoredFiles files, FileRecords records, ClientDirectory clients) {
        this.files = files;
        this.records = records;
        this.clients = clients;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(Permission.FILE_UPLOAD)
    @Operation(summary = "Upload a file for a purpose; its type is detected from the content")
    ResponseEntity<UploadView> upload(
            Caller caller,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "purpose", required = false) String purpose,
            @RequestParam(name = "clientId", required = false) UUID clientId)
            throws IOException {
        if (file == null) {
            throw ApiException.invalidField("file", "a multipart part named file is required");
        }
        FilePurpose kind = purpose(purpose);
        UUID org = caller.requireOrganization();
        requireClient(org, clientId);
        StoredFile stored;
        try (InputStream in = file.getInputStream()) {
            stored = files.upload(org, caller.userId(), clientId, kind, file.getOriginalFilename(), in);
        }
        return ResponseEntity.created(URI.create("/api/v1/uploads/" + stored.id()))
                .body(UploadView.of(stored, files.downloadLink(org, stored.id())));
    }

    @GetMapping
    @RequiresPermission(Permission.FILE_UPLOAD)
    @Operation(summary = "List the organization's files, newest first")
    PageResult<StoredFile> list(
            CurrentOrganization org,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) UUID clientId,
            @Paged PageQuery page) {
        requireClient(org.id(), clientId);
        return records.list(org.id(), purpose == null ? null : purpose(purpose), clientId, page);
    }

    private void requireClient(UUID org, UUID clientId) {
        if (clientId != null && clients.find(org, clientId).isEmpty()) {
            throw ApiException.notFound("Client");
        }
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.FILE_UPLOAD)
    @Operation(summary = "A file's metadata with a short-lived download URL")
    UploadView get(CurrentOrganization org, @PathVariable UUID id) {
        return UploadView.of(files.get(org.id(), id), files.downloadLink(org.id(), id));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.FILE_UPLOAD)
    @Operation(summary = "Delete a file and its contents")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        files.delete(caller.requireOrganization(), caller.userId(), id);
        return ResponseEntity.noContent().build();
    }

    private static FilePurpose purpose(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(
                    "purpose", "is required (avatar, client_document, import, attachment, skin_image, product_image)");
        }
        return FilePurpose.of(value)
                .filter(FilePurpose::uploadable)
                .orElseThrow(() -> ApiException.invalidField(
                        "purpose",
                        "must be one of avatar, client_document, import, attachment, skin_image, product_image"));
    }
}
