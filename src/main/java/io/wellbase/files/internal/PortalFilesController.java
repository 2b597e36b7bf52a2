package io.wellbase.files.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.files.DownloadLink;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.security.Caller;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A signed-in client's own files in the portal: upload an avatar or a document for themself, list
 * and download the files of those purposes that belong to them. Another client's file is 404.
 */
@RestController
@Tag(name = "Client portal")
class PortalFilesController {

    private static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id");
    private static final String PURPOSES = String.join(
            ", ",
            PurposePolicy.FOR_CLIENTS.stream().map(FilePurpose::value).sorted().toList());

    /** A file as its client sees it: no uploader, no checksum, with a fresh signed link. */
    record OwnFile(
            UUID id,
            String purpose,
            String filename,
            String contentType,
            long size,
            Instant createdAt,
            String downloadUrl,
            Instant downloadUrlExpiresAt) {

        static OwnFile of(StoredFile file, DownloadLink link) {
            return new OwnFile(
                    file.id(),
                    file.purpose().value(),
                    file.filename(),
                    file.contentType(),
                    file.size(),
                    file.createdAt(),
                    link.url(),
                    link.expiresAt());
        }
    }

    private final StoredFiles files;
    private final FileRecords records;
    private final ClientAccounts accounts;

    PortalFilesController(StoredFiles files, FileRecords records, ClientAccounts accounts) {
        this.files = files;
        this.records = records;
        this.accounts = accounts;
    }

    @PostMapping(path = "/api/v1/portal/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file for yourself (purpose avatar or client_document)")
    ResponseEntity<OwnFile> upload(
            Caller caller,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "purpose", required = false) String purpose)
            throws IOException {
        UUID self = accounts.requireSelf(caller);
        if (file == null) {
            throw ApiException.invalidField("file", "a multipart part named file is required");
        }
        FilePurpose kind = FilePurpose.of(purpose == null ? "" : purpose)
                .filter(PurposePolicy.FOR_CLIENTS::contains)
                .orElseThrow(() -> ApiException.invalidField("purpose", "must be one of " + PURPOSES));
        UUID org = caller.requireOrganization();
        StoredFile stored;
        try (InputStream in = file.getInputStream()) {
            stored = files.upload(org, caller.userId(), self, kind, file.getOriginalFilename(), in);
        }
        return ResponseEntity.created(URI.create("/api/v1/portal/files/" + stored.id()))
                .body(OwnFile.of(stored, files.downloadLink(org, stored.id())));
    }

    @GetMapping("/api/v1/portal/files")
    @Operation(summary = "Your own files (avatars and documents), newest first, each with a short-lived download URL")
    PageResult<OwnFile> list(Caller caller, @Paged PageQuery page) {
        UUID self = accounts.requireSelf(caller);
        UUID org = caller.requireOrganization();
        return records.ofClient(org, self, PurposePolicy.FOR_CLIENTS, page)
                .map(f -> OwnFile.of(f, files.downloadLink(org, f.id())));
    }

    @GetMapping("/api/v1/portal/files/{id}")
    @Operation(summary = "One of your own files with a fresh download URL")
    OwnFile get(Caller caller, @PathVariable UUID id) {
        UUID self = accounts.requireSelf(caller);
        UUID org = caller.requireOrganization();
        StoredFile file = files.find(org, id)
                .filter(f -> self.equals(f.clientId()) && PurposePolicy.FOR_CLIENTS.contains(f.purpose()))
                .orElseThrow(() -> ApiException.notFound("File"));
        return OwnFile.of(file, files.downloadLink(org, id));
    }
}
