package io.wellbase.files.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Direct uploads (docs/files.md): announce, PUT the bytes to the signed URL, confirm. Staff upload for the
 * organization (permission file_upload); a client uploads for themself, in the purposes the portal allows.
 */
@RestController
@Tag(name = "Files")
class DirectUploadsController {

    private final DirectUploads uploads;
    private final StoredFiles files;
    private final ClientDirectory clients;
    private final ClientAccounts accounts;

    DirectUploadsController(
            DirectUploads uploads, StoredFiles files, ClientDirectory clients, ClientAccounts accounts) {
        this.uploads = uploads;
        this.files = files;
        this.clients = clients;
        this.accounts = accounts;
    }

    record DirectUploadRequest(
            @NotBlank String purpose,
            @NotBlank @Size(max = 255) String filename,
            @NotBlank @Size(max = 100) String contentType,
            @NotNull @Positive Long size,
            UUID clientId) {}

    @PostMapping("/api/v1/uploads/direct")
    @Operation(
            summary =
                    "Announce a direct upload: answers a signed URL to PUT the bytes to (with the given Content-Type),"
                            + " valid for 15 minutes; confirm it afterwards")
    ResponseEntity<DirectUploads.Target> start(Caller caller, @Valid @RequestBody DirectUploadRequest request) {
        UUID org = caller.requireOrganization();
        FilePurpose purpose = FilePurpose.of(request.purpose())
                .filter(FilePurpose::uploadable)
                .orElseThrow(() -> ApiException.invalidField("purpose", "is not a purpose files are uploaded for"));
        UUID client = request.clientId();
        if (caller.role() == Role.CLIENT) {
            UUID self = accounts.requireSelf(caller);
            if (!PurposePolicy.FOR_CLIENTS.contains(purpose)) {
                throw ApiException.invalidField("purpose", "clients upload avatar, client_document or skin_image");
            }
            if (client != null && !client.equals(self)) {
                throw ApiException.forbidden("portal.own_records_only", "Clients upload only for themselves");
            }
            client = self;
        } else {
            caller.require(Permission.FILE_UPLOAD);
            if (client != null && clients.find(org, client).isEmpty()) {
                throw ApiException.notFound("Client");
            }
        }
        DirectUploads.Target target = uploads.start(new DirectUploads.Announcement(
                org, caller.userId(), client, purpose, request.filename(), request.contentType(), request.size()));
        return ResponseEntity.created(URI.create("/api/v1/uploads/direct/" + target.uploadId()))
                .body(target);
    }

    @PostMapping("/api/v1/uploads/direct/{id}/confirm")
    @Operation(summary = "Confirm a direct upload: its type and size are checked and it becomes a file")
    ResponseEntity<UploadsController.UploadView> confirm(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        if (caller.role() != Role.CLIENT) {
            caller.require(Permission.FILE_UPLOAD);
        }
        return switch (uploads.confirm(org, caller.userId(), id)) {
            case DirectUploads.Confirmation.Confirmed confirmed ->
                ResponseEntity.created(
                                URI.create("/api/v1/uploads/" + confirmed.file().id()))
                        .body(UploadsController.UploadView.of(
                                confirmed.file(),
                                files.downloadLink(org, confirmed.file().id())));
            case DirectUploads.Confirmation.Refused refused ->
                throw refused.refusal().problem();
            case DirectUploads.Confirmation.NotFound none -> throw ApiException.notFound("Upload");
            case DirectUploads.Confirmation.NothingUploaded none ->
                throw ApiException.conflict(
                        "file.not_uploaded", "Nothing was uploaded to this upload's URL yet; PUT the file there first");
        };
    }

    @PutMapping("/uploads/direct/{id}")
    @Operation(summary = "The signed URL of a direct upload to local storage: PUT the file's bytes here")
    ResponseEntity<Void> receive(
            @PathVariable String id,
            @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature,
            HttpServletRequest request)
            throws IOException {
        uploads.receive(id, expires, signature, request.getInputStream());
        return ResponseEntity.noContent().build();
    }
}
