package io.wellbase.files.internal;

import io.wellbase.clients.ClientDataContributor;
import io.wellbase.files.DownloadLink;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The files module's part of a client's data-subject export: each file's metadata and a signed download link. */
@Component
class FilesDataSection implements ClientDataContributor {

    /** One file of the client; the link expires like every signed link (wellbase.files.link-ttl). */
    record ExportedFile(
            UUID id,
            String purpose,
            String filename,
            String contentType,
            long size,
            String sha256,
            Instant createdAt,
            String downloadUrl,
            Instant downloadUrlExpiresAt) {

        static ExportedFile of(StoredFile file, DownloadLink link) {
            return new ExportedFile(
                    file.id(),
                    file.purpose().value(),
                    file.filename(),
                    file.contentType(),
                    file.size(),
                    file.sha256(),
                    file.createdAt(),
                    link.url(),
                    link.expiresAt());
        }
    }

    private final FileRecords records;
    private final StoredFiles files;

    FilesDataSection(FileRecords records, StoredFiles files) {
        this.records = records;
        this.files = files;
    }

    @Override
    public Map<String, Object> exportFor(UUID organizationId, UUID clientId) {
        return Map.of(
                "files",
                records.ofClient(organizationId, clientId).stream()
                        .sorted(Comparator.comparing(
                                        (FileRecords.Row row) -> row.file().createdAt())
                                .reversed())
                        .map(row -> ExportedFile.of(
                                row.file(),
                                files.downloadLink(organizationId, row.file().id())))
                        .toList());
    }
}
