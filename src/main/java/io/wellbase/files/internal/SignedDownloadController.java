package io.wellbase.files.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.files.StoredFile;
import io.wellbase.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads by a locally signed URL, without a bearer token: the signature names the file and the
 * expiry, so a changed id, expiry or signature, or a late click, answers 403.
 */
@RestController
@Tag(name = "Files")
class SignedDownloadController {

    private final LinkSigner signer;
    private final FileRecords records;
    private final ObjectStorage storage;

    SignedDownloadController(LinkSigner signer, FileRecords records, ObjectStorage storage) {
        this.signer = signer;
        this.records = records;
        this.storage = storage;
    }

    @GetMapping("/files/{id}")
    @Operation(summary = "Download a file by a signed URL from the API")
    @ApiResponse(
            responseCode = "200",
            description = "The file, with the content type it was stored with",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "The link is invalid or has expired")
    ResponseEntity<InputStreamResource> download(
            @PathVariable String id,
            @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature)
            throws IOException {
        if (expires == null || !signer.verify(id, expires, signature)) {
            throw ApiException.forbidden("file.link_invalid", "This download link is invalid or has expired");
        }
        FileRecords.Row row = records.findById(UUID.fromString(id)).orElseThrow(() -> ApiException.notFound("File"));
        StoredFile file = row.file();
        InputStream in;
        try {
            in = storage.get(row.storageKey());
        } catch (StorageObjectMissingException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "The file's contents are gone");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(file.filename()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(in));
    }
}
