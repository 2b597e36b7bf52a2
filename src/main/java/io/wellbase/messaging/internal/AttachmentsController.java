package io.wellbase.messaging.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.files.DownloadLink;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments of a conversation: any participant, a client too, uploads one (the files module checks its type
 * and size), then sends it in a message with {@code attachmentFileId}; a message's attachment is downloaded
 * through a short-lived signed link that only the conversation's readers get.
 */
@RestController
@Tag(name = "Messaging")
class AttachmentsController {

    /** An uploaded attachment, before or after it was sent. */
    record Attachment(
            UUID fileId,
            String filename,
            String contentType,
            long size,
            @Nullable String url,
            @Nullable Instant expiresAt) {

        static Attachment of(StoredFile file, @Nullable DownloadLink link) {
            return new Attachment(
                    file.id(),
                    file.filename(),
                    file.contentType(),
                    file.size(),
                    link == null ? null : link.url(),
                    link == null ? null : link.expiresAt());
        }
    }

    private final ConversationAccess access;
    private final MessageStore messages;
    private final StoredFiles files;

    AttachmentsController(ConversationAccess access, MessageStore messages, StoredFiles files) {
        this.access = access;
        this.messages = messages;
        this.files = files;
    }

    @PostMapping(path = "/api/v1/conversations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an attachment to send in the conversation (participants, clients too)")
    ResponseEntity<Attachment> upload(
            Caller caller, @PathVariable UUID id, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        UUID orgId = caller.requireOrganization();
        ConversationAccess.Access conversation = access.asParticipant(orgId, caller.userId(), id)
                .orElseThrow(() -> ApiException.notFound("Conversation"));
        if (file == null) {
            throw ApiException.invalidField("file", "a multipart part named file is required");
        }
        StoredFile stored;
        try (InputStream in = file.getInputStream()) {
            stored = files.upload(
                    orgId,
                    caller.userId(),
                    conversation.conversation().clientId(),
                    FilePurpose.ATTACHMENT,
                    file.getOriginalFilename(),
                    in);
        }
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + id + "/attachments/" + stored.id()))
                .body(Attachment.of(stored, null));
    }

    @GetMapping("/api/v1/messages/{id}/attachment")
    @Operation(summary = "A message's attachment with a short-lived download link (the conversation's readers)")
    Attachment attachment(Caller caller, @PathVariable UUID id) {
        UUID orgId = caller.requireOrganization();
        MessageStore.Message message = messages.find(orgId, id).orElseThrow(() -> ApiException.notFound("Message"));
        access.toRead(caller, message.conversationId()).orElseThrow(() -> ApiException.notFound("Message"));
        UUID fileId = message.attachmentFileId();
        if (fileId == null) {
            throw ApiException.notFound("Attachment");
        }
        StoredFile file = files.find(orgId, fileId).orElseThrow(() -> ApiException.notFound("Attachment"));
        return Attachment.of(file, files.downloadLink(orgId, fileId));
    }
}
