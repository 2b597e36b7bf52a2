package io.wellbase.files.internal;

import io.wellbase.platform.data.OrganizationRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files' part in removing an organization: first the stored bytes of every file of it (the rows stay until
 * the remover's transaction deletes them, so a crash in between only repeats this), then the rows.
 */
@Component
class FilesOrganizationRows extends OrganizationRows {

    private static final Logger log = LoggerFactory.getLogger(FilesOrganizationRows.class);

    private final JdbcClient jdbc;
    private final ObjectStorage storage;

    FilesOrganizationRows(JdbcClient jdbc, ObjectStorage storage) {
        super(jdbc);
        this.jdbc = jdbc;
        this.storage = storage;
    }

    @Override
    public void removeOutside(UUID organizationId) {
        List<String> keys = jdbc.sql("""
                SELECT storage_key FROM files WHERE org_id = :org AND storage = :storage
                UNION ALL
                SELECT storage_key FROM pending_uploads WHERE org_id = :org AND storage = :storage
                """)
                .param("org", organizationId)
                .param("storage", storage.name())
                .query(String.class)
                .list();
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the stored file " + key, e);
            }
        }
        long elsewhere = jdbc.sql("SELECT count(*) FROM files WHERE org_id = :org AND storage <> :storage")
                .param("org", organizationId)
                .param("storage", storage.name())
                .query(Long.class)
                .single();
        if (elsewhere > 0) {
            log.warn(
                    "Organization {}: {} files are kept in a storage this node does not use; their bytes stay there",
                    organizationId,
                    elsewhere);
        }
    }
}
